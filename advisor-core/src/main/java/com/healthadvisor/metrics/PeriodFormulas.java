package com.healthadvisor.metrics;

import com.healthadvisor.snapshot.CustomerBridge;
import com.healthadvisor.snapshot.Figures;
import com.healthadvisor.snapshot.Finance;
import com.healthadvisor.snapshot.MrrBridge;
import com.healthadvisor.snapshot.Revenue;
import com.healthadvisor.snapshot.YearAgoCustomers;

import static com.healthadvisor.metrics.Ops.add;
import static com.healthadvisor.metrics.Ops.div;
import static com.healthadvisor.metrics.Ops.mul;
import static com.healthadvisor.metrics.Ops.neg;
import static com.healthadvisor.metrics.Ops.orZero;
import static com.healthadvisor.metrics.Ops.pow;
import static com.healthadvisor.metrics.Ops.sub;

/**
 * The formulas of metrics.md that need one period of one scope: the MRR and customer bridges, users
 * and revenue. Ordered so that every formula comes after the metrics it reads.
 */
final class PeriodFormulas {

    private PeriodFormulas() {
    }

    static Book compute(Figures figures, int periodsPerYear, Judging judging) {
        return compute(new Book(figures.metrics(), judging, 12 / periodsPerYear), figures, periodsPerYear);
    }

    /** A history entry's book: only the metrics the trends and trailing windows read, and what they stand on. */
    static Book history(Figures figures, int periodsPerYear, Judging judging) {
        return compute(new Book(figures.metrics(), judging, 12 / periodsPerYear, HistoryFormulas.READS), figures,
                periodsPerYear);
    }

    private static Book compute(Book book, Figures figures, int periodsPerYear) {
        MrrBridge mrr = figures.mrr() == null ? new MrrBridge(null, null, null, null, null, null, null)
                : figures.mrr();
        CustomerBridge customers = figures.customers() == null
                ? new CustomerBridge(null, null, null, null, null) : figures.customers();
        Revenue revenue = figures.revenue() == null ? new Revenue(null, null, null, null) : figures.revenue();
        inputs(book, mrr, customers, revenue, figures.users());
        mrrBridge(book, periodsPerYear);
        customerBridge(book, periodsPerYear);
        revenue(book);
        finance(book, figures.finance() == null ? new Finance(null, null, null, null, null) : figures.finance(),
                periodsPerYear);
        return book;
    }

    private static void inputs(Book book, MrrBridge mrr, CustomerBridge customers, Revenue revenue, Double users) {
        book.compute("starting_mrr", v -> mrr.starting());
        book.compute("new_mrr", v -> mrr.newMrr());
        book.compute("expansion_mrr", v -> mrr.expansion());
        book.compute("reactivation_mrr", v -> mrr.reactivation());
        book.compute("contraction_mrr", v -> mrr.contraction());
        book.compute("churned_mrr", v -> mrr.churned());
        book.compute("mrr", v -> mrr.ending());
        book.compute("acquired_mrr", v -> mrr.acquired());
        book.compute("starting_customers", v -> customers.starting());
        book.compute("new_customers", v -> customers.newCustomers());
        book.compute("reactivated_customers", v -> customers.reactivated());
        book.compute("churned_customers", v -> customers.churned());
        book.compute("customers", v -> customers.ending());
        book.compute("acquired_customers", v -> customers.acquired());
        book.compute("users", v -> users);
        book.compute("gross_revenue", v -> revenue.gross());
        book.compute("discounts", v -> revenue.discounts());
        book.compute("refunds", v -> revenue.refunds());
        book.compute("credits", v -> revenue.credits());
    }

    private static void mrrBridge(Book book, int ppy) {
        book.compute("arr", v -> mul(v.apply("mrr"), 12));
        // A bridge without reactivation is common: absent reactivation counts as none.
        book.compute("net_new_mrr", v -> add(v.apply("new_mrr"), v.apply("expansion_mrr"),
                orZero(v.apply("reactivation_mrr")), neg(v.apply("contraction_mrr")), neg(v.apply("churned_mrr"))));
        book.compute("mrr_growth_rate", v -> div(sub(v.apply("mrr"), v.apply("starting_mrr")), v.apply("starting_mrr")));
        // Growth the company made itself: what acquisitions brought is taken out (absent acquisitions, none).
        book.compute("organic_mrr_growth_rate", v -> div(sub(sub(v.apply("mrr"), orZero(v.apply("acquired_mrr"))),
                v.apply("starting_mrr")), v.apply("starting_mrr")));
        book.compute("acquired_share_of_growth", v -> v.apply("acquired_mrr") == null || v.apply("acquired_mrr") <= 0
                ? null : div(v.apply("acquired_mrr"), sub(v.apply("mrr"), v.apply("starting_mrr"))));
        // Where the year's money at stake is measured from (judgment.md P9); without a bridge, reported ending MRR
        // and growth still tell where the period started.
        book.compute("starting_arr", v -> v.apply("starting_mrr") != null ? mul(v.apply("starting_mrr"), 12)
                : mul(div(v.apply("mrr"), add(1.0, v.apply("mrr_growth_rate"))), 12));
        book.compute("revenue_churn_rate", v -> div(v.apply("churned_mrr"), v.apply("starting_mrr")));
        book.compute("revenue_churn_rate_monthly", v -> monthly(v.apply("revenue_churn_rate"), ppy));
        book.compute("gross_revenue_churn_rate",
                v -> div(add(v.apply("churned_mrr"), v.apply("contraction_mrr")), v.apply("starting_mrr")));
        book.compute("net_revenue_churn_rate", v -> div(add(v.apply("churned_mrr"), v.apply("contraction_mrr"),
                neg(v.apply("expansion_mrr"))), v.apply("starting_mrr")));
        book.compute("nrr_period", v -> div(add(v.apply("starting_mrr"), v.apply("expansion_mrr"),
                neg(v.apply("contraction_mrr")), neg(v.apply("churned_mrr"))), v.apply("starting_mrr")));
        book.compute("nrr", v -> pow(v.apply("nrr_period"), ppy));
        book.compute("nrr_run_rate", v -> pow(v.apply("nrr_period"), ppy));
        book.compute("grr", v -> pow(sub(1.0, v.apply("gross_revenue_churn_rate")), ppy));
        book.compute("expansion_rate", v -> div(v.apply("expansion_mrr"), v.apply("starting_mrr")));
        book.compute("expansion_rate_annual", v -> mul(v.apply("expansion_rate"), ppy));
        book.compute("expansion_share_of_new_mrr",
                v -> div(v.apply("expansion_mrr"), add(v.apply("new_mrr"), v.apply("expansion_mrr"))));
        book.compute("quick_ratio", v -> div(add(v.apply("new_mrr"), v.apply("expansion_mrr")),
                add(v.apply("churned_mrr"), v.apply("contraction_mrr"))));
        book.compute("mrr_bridge_gap_rate", v -> div(abs(sub(add(v.apply("net_new_mrr"), orZero(v.apply("acquired_mrr"))),
                sub(v.apply("mrr"), v.apply("starting_mrr")))), v.apply("starting_mrr")));
    }

    private static void customerBridge(Book book, int ppy) {
        book.compute("rate_base_customers",
                v -> v.apply("starting_customers") != null ? v.apply("starting_customers") : v.apply("customers"));
        book.compute("logo_churn_rate", v -> div(v.apply("churned_customers"), v.apply("starting_customers")));
        book.compute("logo_churn_rate_annual", v -> sub(1.0, pow(sub(1.0, v.apply("logo_churn_rate")), ppy)));
        book.compute("logo_churn_rate_monthly", v -> monthly(v.apply("logo_churn_rate"), ppy));
        book.compute("customer_growth_rate",
                v -> div(sub(v.apply("customers"), v.apply("starting_customers")), v.apply("starting_customers")));
        book.compute("arpa", v -> div(v.apply("mrr"), v.apply("customers")));
        // Against the period's own start (judgment.md P1): the same basis whatever the period, widened to the trailing
        // window when history is at hand (HistoryFormulas).
        book.compute("arpa_growth_rate", v -> sub(div(v.apply("arpa"), div(v.apply("starting_mrr"),
                v.apply("starting_customers"))), 1.0));
        book.compute("arpu", v -> div(v.apply("mrr"), v.apply("users")));
        book.compute("seats_per_account", v -> div(v.apply("users"), v.apply("customers")));
        // On one basis (judgment.md P1): the monthly equivalents, so that a quarter's gap is not three months' worth.
        book.compute("revenue_logo_churn_gap",
                v -> sub(v.apply("revenue_churn_rate_monthly"), v.apply("logo_churn_rate_monthly")));
        // How large the gap is against the smaller of the two rates (judgment.md P8), on the same period's rates.
        book.compute("revenue_logo_churn_gap_relative", v -> relativeGap(monthly(v.apply("revenue_churn_rate"), ppy),
                monthly(v.apply("logo_churn_rate"), ppy)));
        // The excess revenue lost in a year, for the impact of revenue churn above logo churn (judgment.md P9).
        book.compute("revenue_logo_churn_gap_annual", v -> sub(annual(v.apply("revenue_churn_rate"), ppy),
                annual(v.apply("logo_churn_rate"), ppy)));
        book.compute("customer_bridge_gap", v -> abs(sub(add(v.apply("starting_customers"),
                v.apply("new_customers"), orZero(v.apply("reactivated_customers")),
                orZero(v.apply("acquired_customers")), neg(v.apply("churned_customers"))), v.apply("customers"))));
    }

    private static void revenue(Book book) {
        book.compute("net_revenue", v -> add(v.apply("gross_revenue"), neg(orZero(v.apply("discounts"))),
                neg(orZero(v.apply("refunds"))), neg(orZero(v.apply("credits")))));
        book.compute("discount_rate", v -> div(v.apply("discounts"), v.apply("gross_revenue")));
        book.compute("refund_rate", v -> div(v.apply("refunds"), v.apply("gross_revenue")));
    }

    /**
     * Unit economics computed from the finance section and the bridges instead of believed as reported, each
     * checked against a reported value as P7 says. Spend and burn are the period's; MRR is per month.
     */
    private static void finance(Book book, Finance finance, int ppy) {
        book.compute("sales_marketing_spend", v -> finance.salesMarketingSpend());
        book.compute("net_burn", v -> finance.netBurn());
        book.compute("cash", v -> finance.cash());
        book.compute("gross_margin", v -> finance.grossMargin());
        book.compute("operating_margin", v -> finance.operatingMargin());
        book.compute("cac", v -> div(v.apply("sales_marketing_spend"), v.apply("new_customers")));
        // What a new customer pays (judgment.md P13): CAC bought these customers, not the base's average one.
        book.compute("new_arpa", v -> v.apply("new_customers") == null || v.apply("new_customers") <= 0 ? null
                : div(v.apply("new_mrr"), v.apply("new_customers")));
        // Months of gross profit from one new account to earn its CAC back; the base's average beside it.
        book.compute("cac_payback_months", v -> div(v.apply("cac"), times(dealArpa(v), v.apply("gross_margin"))));
        book.compute("base_cac_payback_months", v -> div(v.apply("cac"), times(v.apply("arpa"), v.apply("gross_margin"))));
        // Monthly gross profit of a new account over the monthly-equivalent logo churn: its expected lifetime value.
        book.compute("ltv", v -> div(times(dealArpa(v), v.apply("gross_margin")), v.apply("logo_churn_rate_monthly")));
        book.compute("ltv_cac_ratio", v -> div(v.apply("ltv"), v.apply("cac")));
        book.compute("base_ltv_cac_ratio", v -> div(div(times(v.apply("arpa"), v.apply("gross_margin")),
                v.apply("logo_churn_rate_monthly")), v.apply("cac")));
        // Annualised net new ARR over annualised spend: net new MRR × 12 per period against the period's spend.
        book.compute("magic_number", v -> div(mul(v.apply("net_new_mrr"), 12), v.apply("sales_marketing_spend")));
        // Net burn over the net new ARR of the same months.
        // Only while the period burns cash and adds ARR: a negative burn over a shrinking ARR is no multiple (P17).
        book.compute("burn_multiple", v -> v.apply("net_burn") == null || v.apply("net_burn") <= 0 ? null
                : positive(div(v.apply("net_burn"), mul(v.apply("net_new_mrr"), 12))));
        book.compute("mean_monthly_burn", v -> v.apply("net_burn") == null ? null : v.apply("net_burn") / (12.0 / ppy));
        // Months of cash at the period's monthly burn; a company not burning has no runway to count down.
        book.compute("runway_months", v -> v.apply("net_burn") == null || v.apply("net_burn") <= 0 ? null
                : div(v.apply("cash"), v.apply("net_burn") / (12.0 / ppy)));
        // Growth in percent over a year plus the operating margin in percent (widened to the window after).
        book.compute("rule_of_40", v -> v.apply("operating_margin") == null ? null
                : add(mul(yearly(v, ppy), 100), mul(v.apply("operating_margin"), 100)));
    }

    /** The ARPA of the deals CAC bought: new customers' when they are known, else the base's. */
    private static Double dealArpa(java.util.function.Function<String, Double> v) {
        Double newArpa = v.apply("new_arpa");
        return newArpa != null ? newArpa : v.apply("arpa");
    }

    /** A year's growth: the reported year over year, else this period's organic growth compounded over a year. */
    private static Double yearly(java.util.function.Function<String, Double> v, int ppy) {
        Double reported = v.apply("arr_growth_rate_yoy");
        Double growth = v.apply("organic_mrr_growth_rate");
        return reported != null ? reported : growth == null ? null : Math.pow(1 + growth, ppy) - 1;
    }

    static Double times(Double a, Double b) {
        return a == null || b == null ? null : a * b;
    }

    /** A burn multiple means something only while net new ARR is positive. */
    private static Double positive(Double value) {
        return value == null || value < 0 ? null : value;
    }

    /**
     * NRR and GRR over the trailing 12 months, cohort-exact: the MRR today of the customers who paid a year ago over
     * their MRR then, and for GRR each of them capped at what they paid then. They replace the one-period and chained
     * figures; a reported value still wins (P7).
     */
    static void yearAgo(Book book, YearAgoCustomers yearAgo) {
        if (yearAgo == null || yearAgo.mrrThen() == null || yearAgo.mrrThen() <= 0) {
            return;
        }
        book.trail("nrr", div(yearAgo.mrrNow(), yearAgo.mrrThen()), 12);
        book.trail("grr", div(yearAgo.mrrNowCapped(), yearAgo.mrrThen()), 12);
    }

    /** |a - b| over the smaller of a and b; against a zero rate, the whole of the other (1.0); null when unknown. */
    static Double relativeGap(Double a, Double b) {
        if (a == null || b == null) {
            return null;
        }
        double smaller = Math.min(a, b);
        if (smaller <= 0) {
            return a.equals(b) ? 0.0 : 1.0;
        }
        return Math.abs(a - b) / smaller;
    }

    /** The annual equivalent of a rate over one period: 1 - (1 - r)^(periods a year). */
    static Double annual(Double rate, int periodsPerYear) {
        return rate == null ? null : 1 - Math.pow(1 - rate, periodsPerYear);
    }

    /** The monthly equivalent of a rate over one period: 1 - (1 - r)^(1/months); the rate itself when monthly. */
    static Double monthly(Double rate, int periodsPerYear) {
        if (rate == null) {
            return null;
        }
        return periodsPerYear == 12 ? rate : 1 - Math.pow(1 - rate, periodsPerYear / 12.0);
    }

    private static Double abs(Double value) {
        return value == null ? null : Math.abs(value);
    }
}
