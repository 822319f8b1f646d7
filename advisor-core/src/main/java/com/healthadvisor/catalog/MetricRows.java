package com.healthadvisor.catalog;

import static com.healthadvisor.catalog.Direction.HIGHER;
import static com.healthadvisor.catalog.Direction.LOWER;
import static com.healthadvisor.catalog.Direction.NEUTRAL;
import static com.healthadvisor.catalog.Ops.abs;
import static com.healthadvisor.catalog.Ops.add;
import static com.healthadvisor.catalog.Ops.annual;
import static com.healthadvisor.catalog.Ops.div;
import static com.healthadvisor.catalog.Ops.monthly;
import static com.healthadvisor.catalog.Ops.mul;
import static com.healthadvisor.catalog.Ops.neg;
import static com.healthadvisor.catalog.Ops.orZero;
import static com.healthadvisor.catalog.Ops.pow;
import static com.healthadvisor.catalog.Ops.relativeGap;
import static com.healthadvisor.catalog.Ops.sub;
import static com.healthadvisor.catalog.Unit.COUNT;
import static com.healthadvisor.catalog.Unit.MONEY;
import static com.healthadvisor.catalog.Unit.MULTIPLE;
import static com.healthadvisor.catalog.Unit.POINTS;

/**
 * The rows of the metric table computed from one period's bridges and revenue, each after the rows it reads.
 * Finance and the metrics over more than one period are in {@link MoreMetricRows}.
 */
final class MetricRows {

    private static final double INF = Double.POSITIVE_INFINITY;

    private MetricRows() {
    }

    static void mrrBridge(MetricTable t) {
        t.input("starting_mrr", MONEY, NEUTRAL, "starting MRR", "mrr.starting", "MRR at the start of the period");
        t.input("new_mrr", MONEY, HIGHER, "new MRR", "mrr.new", "MRR from customers new in the period");
        t.input("expansion_mrr", MONEY, HIGHER, "expansion MRR", "mrr.expansion",
                "MRR added by existing customers (upgrades, seats, add-ons)");
        t.input("reactivation_mrr", MONEY, HIGHER, "reactivation MRR", "mrr.reactivation",
                "MRR from customers who came back");
        t.input("contraction_mrr", MONEY, LOWER, "contraction MRR", "mrr.contraction",
                "MRR lost by customers who stayed (downgrades)");
        t.input("churned_mrr", MONEY, LOWER, "churned MRR", "mrr.churned", "MRR lost with customers who left");
        t.input("mrr", MONEY, HIGHER, "MRR", "mrr.ending", "MRR at the end of the period");
        t.input("acquired_mrr", MONEY, NEUTRAL, "acquired MRR", "mrr.acquired",
                "MRR of companies acquired in the period");
        // Exchange rates' part of the change, which no customer made: apart from expansion and contraction.
        t.row("fx_mrr", MONEY, NEUTRAL, -INF, INF, "MRR moved by exchange rates", "mrr.fx",
                "the change in MRR that exchange rates caused, with other currencies at each month's rate",
                v -> v.input("mrr.fx"));
        t.money("arr", "ARR", HIGHER, "mrr.ending", "MRR × 12", v -> mul(v.get("mrr"), 12));
        // A bridge without reactivation is common: absent reactivation counts as none.
        t.row("net_new_mrr", MONEY, HIGHER, -INF, INF, "net new MRR", "every component of the mrr bridge",
                "new + expansion + reactivation − contraction − churned MRR",
                v -> add(v.get("new_mrr"), v.get("expansion_mrr"), orZero(v.get("reactivation_mrr")),
                        neg(v.get("contraction_mrr")), neg(v.get("churned_mrr"))));
        t.ratio("mrr_growth_rate", "MRR growth", HIGHER, -1, INF, "mrr.starting and mrr.ending",
                "(ending MRR − starting MRR) / starting MRR",
                v -> div(sub(v.get("mrr"), v.get("starting_mrr")), v.get("starting_mrr")));
        // Growth the company made itself: what acquisitions brought is taken out (absent acquisitions, none).
        t.ratio("organic_mrr_growth_rate", "organic MRR growth", HIGHER, -INF, INF,
                "mrr.starting and mrr.ending (less mrr.acquired)",
                "(ending − acquired − starting MRR) / starting MRR",
                v -> div(sub(sub(v.get("mrr"), orZero(v.get("acquired_mrr"))), v.get("starting_mrr")),
                        v.get("starting_mrr")));
        t.ratio("acquired_share_of_growth", "share of MRR growth acquired", NEUTRAL, -INF, INF,
                "mrr.acquired, mrr.starting and mrr.ending", "acquired MRR / (ending − starting MRR)",
                v -> v.get("acquired_mrr") == null || v.get("acquired_mrr") <= 0 ? null
                        : div(v.get("acquired_mrr"), sub(v.get("mrr"), v.get("starting_mrr"))));
        // Where the year's money at stake is measured from (judgment.md P9); without a bridge, reported ending MRR
        // and growth still tell where the period started.
        t.money("starting_arr", "starting ARR", NEUTRAL, "mrr.starting, or mrr.ending and MRR growth",
                "starting MRR × 12 (or ending MRR / (1 + MRR growth) × 12)",
                v -> v.get("starting_mrr") != null ? mul(v.get("starting_mrr"), 12)
                        : mul(div(v.get("mrr"), add(1.0, v.get("mrr_growth_rate"))), 12));
        t.ratio("revenue_churn_rate", "revenue churn", LOWER, 0, 1, "mrr.starting and mrr.churned",
                "churned MRR / starting MRR", v -> div(v.get("churned_mrr"), v.get("starting_mrr")));
        t.ratio("revenue_churn_rate_monthly", "monthly revenue churn", LOWER, 0, 1, "mrr.starting and mrr.churned",
                "1 − (share of MRR kept over the months covered) ^ (1 / months covered), history included",
                v -> monthly(v.get("revenue_churn_rate"), v.periodsPerYear()));
        t.ratio("gross_revenue_churn_rate", "gross revenue churn", LOWER, 0, 1,
                "mrr.starting, mrr.churned and mrr.contraction", "(churned + contraction MRR) / starting MRR",
                v -> div(add(v.get("churned_mrr"), v.get("contraction_mrr")), v.get("starting_mrr")));
        t.ratio("net_revenue_churn_rate", "net revenue churn", LOWER, -INF, 1,
                "mrr.starting, mrr.churned, mrr.contraction and mrr.expansion",
                "(churned + contraction − expansion MRR) / starting MRR",
                v -> div(add(v.get("churned_mrr"), v.get("contraction_mrr"), neg(v.get("expansion_mrr"))),
                        v.get("starting_mrr")));
        retention(t);
        t.ratio("expansion_rate", "expansion rate", HIGHER, 0, INF, "mrr.starting and mrr.expansion",
                "expansion MRR / starting MRR", v -> div(v.get("expansion_mrr"), v.get("starting_mrr")));
        t.ratio("expansion_rate_annual", "annualised expansion rate", HIGHER, 0, INF,
                "mrr.starting and mrr.expansion",
                "expansion rate × periods per year (the mean rate of the trailing window, when history is at hand)",
                v -> mul(v.get("expansion_rate"), v.periodsPerYear()));
        t.ratio("expansion_share_of_new_mrr", "expansion share of new MRR", HIGHER, 0, 1, "mrr.new and mrr.expansion",
                "expansion MRR / (new + expansion MRR)",
                v -> div(v.get("expansion_mrr"), add(v.get("new_mrr"), v.get("expansion_mrr"))));
        t.row("quick_ratio", MULTIPLE, HIGHER, 0, INF, "quick ratio",
                "mrr.new, mrr.expansion, mrr.churned and mrr.contraction (with some MRR lost)",
                "(new + expansion MRR) / (churned + contraction MRR)",
                v -> div(add(v.get("new_mrr"), v.get("expansion_mrr")),
                        add(v.get("churned_mrr"), v.get("contraction_mrr"))));
        t.ratio("mrr_bridge_gap_rate", "MRR bridge gap", LOWER, 0, INF, "every component of the mrr bridge",
                "|starting + movements + acquired + exchange rates' part − ending MRR| / starting MRR",
                v -> div(abs(sub(add(v.get("net_new_mrr"), orZero(v.get("acquired_mrr")), orZero(v.get("fx_mrr"))),
                        sub(v.get("mrr"), v.get("starting_mrr")))), v.get("starting_mrr")));
    }

    /**
     * Net and gross revenue retention. NRR has three estimators, best last: this period's run rate (here), the
     * trailing window chained period by period, and the customers of a year ago followed one by one (both in the
     * calculator's {@code AnnualRetention}); a reported value wins over all three unless billing contradicts it.
     */
    private static void retention(MetricTable t) {
        t.ratio("nrr_period", "NRR over the period", HIGHER, 0, INF,
                "mrr.starting, mrr.expansion, mrr.contraction and mrr.churned",
                "(starting + expansion − contraction − churned MRR) / starting MRR",
                v -> div(add(v.get("starting_mrr"), v.get("expansion_mrr"), neg(v.get("contraction_mrr")),
                        neg(v.get("churned_mrr"))), v.get("starting_mrr")));
        t.ratio("nrr_run_rate", "NRR at this period's rate", HIGHER, 0, INF,
                "mrr.starting, mrr.expansion, mrr.contraction and mrr.churned",
                "NRR over the period ^ periods per year", v -> pow(v.get("nrr_period"), v.periodsPerYear()));
        // Above 10 (1,000% a year) an NRR is a percentage written as a ratio (110 for 1.10): refused with a hint.
        t.ratio("nrr", "NRR", HIGHER, 0, 10,
                "mrr.starting, mrr.expansion, mrr.contraction and mrr.churned, or year_ago_customers",
                "the MRR now of the customers of a year ago / their MRR then, when known; else NRR over the period "
                        + "chained over the trailing window (up to 12 months) and compounded to a year; else this "
                        + "period's run rate",
                v -> v.get("nrr_run_rate"));
        t.ratio("grr", "GRR", HIGHER, 0, 1,
                "mrr.starting, mrr.churned and mrr.contraction, or year_ago_customers.mrr_now_capped",
                "as NRR, with each customer capped at what it paid at the start: (1 − gross revenue churn), "
                        + "compounded to a year",
                v -> pow(sub(1.0, v.get("gross_revenue_churn_rate")), v.periodsPerYear()));
    }

    static void customerBridge(MetricTable t) {
        t.input("starting_customers", COUNT, NEUTRAL, "starting customers", "customers.starting",
                "paying customers at the start of the period");
        t.input("new_customers", COUNT, HIGHER, "new customers", "customers.new", "customers won in the period");
        t.input("reactivated_customers", COUNT, HIGHER, "reactivated customers", "customers.reactivated",
                "customers who came back in the period");
        t.input("churned_customers", COUNT, LOWER, "churned customers", "customers.churned",
                "customers lost in the period");
        t.input("customers", COUNT, HIGHER, "customers", "customers.ending",
                "paying customers at the end of the period");
        t.input("acquired_customers", COUNT, NEUTRAL, "acquired customers", "customers.acquired",
                "customers that came with an acquisition in the period");
        t.input("users", COUNT, HIGHER, "paying users", "users", "paying users (seats) at the end of the period");
        t.row("rate_base_customers", COUNT, NEUTRAL, 0, INF, "customer count at the start of the period",
                "customers.starting or customers.ending",
                "customers at the start of the period (else at the end), the base churn rates stand on",
                v -> v.get("starting_customers") != null ? v.get("starting_customers") : v.get("customers"));
        t.ratio("logo_churn_rate", "logo churn", LOWER, 0, 1, "customers.starting and customers.churned",
                "customers lost / customers at the start of the period",
                v -> div(v.get("churned_customers"), v.get("starting_customers")));
        t.ratio("logo_churn_rate_annual", "annual logo churn", LOWER, 0, 1, "customers.starting and customers.churned",
                "1 − (1 − logo churn) ^ periods per year (compounded, not multiplied)",
                v -> annual(v.get("logo_churn_rate"), v.periodsPerYear()));
        t.ratio("logo_churn_rate_monthly", "monthly logo churn", LOWER, 0, 1,
                "customers.starting and customers.churned",
                "1 − (share of customers kept over the months covered) ^ (1 / months covered), history included",
                v -> monthly(v.get("logo_churn_rate"), v.periodsPerYear()));
        t.ratio("customer_growth_rate", "customer growth", HIGHER, -1, INF, "customers.starting and customers.ending",
                "(ending customers − customers at the start of the window) / customers at the start of the window",
                v -> div(sub(v.get("customers"), v.get("starting_customers")), v.get("starting_customers")));
        t.money("arpa", "ARPA", HIGHER, "mrr.ending and customers.ending", "MRR / paying accounts",
                v -> div(v.get("mrr"), v.get("customers")));
        // Against the period's own start (judgment.md P1): the same basis whatever the period, widened to the trailing
        // window when history is at hand.
        t.ratio("arpa_growth_rate", "ARPA growth", HIGHER, -1, INF, "mrr and customers bridges, or ARPA in this period "
                        + "and the last history entry",
                "(ARPA − ARPA at the start of the window) / ARPA at the start of the window",
                v -> sub(div(v.get("arpa"), div(v.get("starting_mrr"), v.get("starting_customers"))), 1.0));
        t.money("arpu", "ARPU", HIGHER, "mrr.ending and users", "MRR / paying users",
                v -> div(v.get("mrr"), v.get("users")));
        t.row("seats_per_account", COUNT, NEUTRAL, 0, INF, "seats per account", "users and customers.ending",
                "paying users / paying accounts", v -> div(v.get("users"), v.get("customers")));
        churnGap(t);
        t.row("customer_bridge_gap", COUNT, LOWER, 0, INF, "customer bridge gap",
                "every component of the customer bridge",
                "|starting + new + reactivated − churned − ending customers|",
                v -> abs(sub(add(v.get("starting_customers"), v.get("new_customers"),
                        orZero(v.get("reactivated_customers")), orZero(v.get("acquired_customers")),
                        neg(v.get("churned_customers"))), v.get("customers"))));
    }

    /** Revenue churn against logo churn on one basis (judgment.md P1, P8): the monthly equivalents of both. */
    private static void churnGap(MetricTable t) {
        t.row("revenue_logo_churn_gap", POINTS, LOWER, -1, 1, "monthly revenue churn minus monthly logo churn",
                "revenue churn and logo churn", "revenue churn − logo churn",
                v -> sub(v.get("revenue_churn_rate_monthly"), v.get("logo_churn_rate_monthly")));
        t.ratio("revenue_logo_churn_gap_relative", "gap between revenue and logo churn, against the smaller", NEUTRAL,
                0, INF, "revenue churn and logo churn",
                "(monthly revenue churn − monthly logo churn) / the smaller of the two",
                v -> relativeGap(v.get("revenue_churn_rate_monthly"), v.get("logo_churn_rate_monthly")));
        // The excess revenue lost in a year, for the impact of revenue churn above logo churn (judgment.md P9).
        t.row("revenue_logo_churn_gap_annual", POINTS, LOWER, -1, 1,
                "annual revenue churn minus annual logo churn, this period's rates", "revenue churn and logo churn",
                "annual revenue churn − annual logo churn, both compounded from this period",
                v -> sub(annual(v.get("revenue_churn_rate_monthly"), 12),
                        annual(v.get("logo_churn_rate_monthly"), 12)));
    }

    static void revenue(MetricTable t) {
        t.input("gross_revenue", MONEY, HIGHER, "gross revenue", "revenue.gross", "revenue billed before deductions");
        t.input("discounts", MONEY, LOWER, "discounts", "revenue.discounts", "discounts given in the period");
        t.input("refunds", MONEY, LOWER, "refunds", "revenue.refunds", "refunds paid in the period");
        t.input("credits", MONEY, LOWER, "credits", "revenue.credits", "credits granted in the period");
        t.row("net_revenue", MONEY, HIGHER, -INF, INF, "net revenue", "revenue.gross, discounts, refunds and credits",
                "gross revenue − discounts − refunds − credits",
                v -> add(v.get("gross_revenue"), neg(orZero(v.get("discounts"))), neg(orZero(v.get("refunds"))),
                        neg(orZero(v.get("credits")))));
        t.ratio("discount_rate", "discount rate", LOWER, 0, 1, "revenue.gross and revenue.discounts",
                "discounts / gross revenue", v -> div(v.get("discounts"), v.get("gross_revenue")));
        t.ratio("refund_rate", "refund rate", LOWER, 0, 1, "revenue.gross and revenue.refunds",
                "refunds / gross revenue", v -> div(v.get("refunds"), v.get("gross_revenue")));
    }
}
