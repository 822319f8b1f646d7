package com.healthadvisor.catalog;

import static com.healthadvisor.catalog.Direction.HIGHER;
import static com.healthadvisor.catalog.Direction.LOWER;
import static com.healthadvisor.catalog.Direction.NEUTRAL;
import static com.healthadvisor.catalog.Ops.add;
import static com.healthadvisor.catalog.Ops.div;
import static com.healthadvisor.catalog.Ops.mul;
import static com.healthadvisor.catalog.Ops.nonNegative;
import static com.healthadvisor.catalog.Ops.times;
import static com.healthadvisor.catalog.Unit.COUNT;
import static com.healthadvisor.catalog.Unit.MONEY;
import static com.healthadvisor.catalog.Unit.MONTHS;
import static com.healthadvisor.catalog.Unit.MULTIPLE;
import static com.healthadvisor.catalog.Unit.POINTS;
import static com.healthadvisor.catalog.Unit.RATIO;
import static com.healthadvisor.catalog.Unit.SCORE;

/**
 * The rows of the metric table for finance (unit economics computed, not believed as reported: judgment.md P7,
 * P13, P14), then the metrics that need more than one period, cohorts, customers or slices, and those only ever
 * reported.
 */
final class MoreMetricRows {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final String SPEND = "finance.sales_marketing_spend";

    private MoreMetricRows() {
    }

    /** Spend and burn are the period's; MRR is per month. Widened to the trailing window by the calculator. */
    static void finance(MetricTable t) {
        t.input("sales_marketing_spend", MONEY, LOWER, "sales and marketing spend", SPEND,
                "as given in the finance section");
        t.row("net_burn", MONEY, LOWER, -INF, INF, "net burn", "finance.net_burn", "as given in the finance section",
                v -> v.input("finance.net_burn"));
        t.input("cash", MONEY, HIGHER, "cash", "finance.cash", "as given in the finance section");
        t.ratio("gross_margin", "gross margin", HIGHER, -INF, 1, "finance.gross_margin",
                "as given in the finance section, or as reported", v -> v.input("finance.gross_margin"));
        t.ratio("operating_margin", "operating margin", HIGHER, -INF, 1, "finance.operating_margin",
                "as given in the finance section, or as reported", v -> v.input("finance.operating_margin"));
        t.row("cac", MONEY, LOWER, 0, INF, "CAC", SPEND + " and customers.new",
                "sales and marketing spend / new customers, over the window",
                v -> div(v.get("sales_marketing_spend"), v.get("new_customers")));
        // What a new customer pays (judgment.md P13): CAC bought these customers, not the base's average one.
        t.money("new_arpa", "new customers' ARPA", HIGHER, "mrr.new and customers.new",
                "new MRR / new customers, over the window",
                v -> v.get("new_customers") == null || v.get("new_customers") <= 0 ? null
                        : div(v.get("new_mrr"), v.get("new_customers")));
        unitEconomics(t);
        // Annualised net new ARR over the period's spend; summed over the window when history is at hand.
        t.row("magic_number", MULTIPLE, HIGHER, -INF, INF, "magic number", SPEND + " and the MRR bridge",
                "net new MRR × 12 / sales and marketing spend, summed over the window (acquired MRR left out)",
                v -> div(mul(v.get("net_new_mrr"), 12), v.get("sales_marketing_spend")));
        // Only while the period burns cash and adds ARR: a negative burn over a shrinking ARR is no multiple (P17).
        t.row("burn_multiple", MULTIPLE, LOWER, -INF, INF, "burn multiple", "finance.net_burn and the MRR bridge",
                "net burn / net new ARR of the same period",
                v -> v.get("net_burn") == null || v.get("net_burn") <= 0 ? null
                        : nonNegative(div(v.get("net_burn"), mul(v.get("net_new_mrr"), 12))));
        t.money("mean_monthly_burn", "mean monthly net burn", LOWER, "finance.net_burn in history",
                "net burn over the window / the months it covers",
                v -> v.get("net_burn") == null ? null : v.get("net_burn") / (12.0 / v.periodsPerYear()));
        // A company not burning has no runway to count down.
        t.row("runway_months", MONTHS, HIGHER, 0, INF, "runway", "finance.cash and finance.net_burn",
                "cash / monthly net burn", v -> v.get("net_burn") == null || v.get("net_burn") <= 0 ? null
                        : div(v.get("cash"), v.get("net_burn") / (12.0 / v.periodsPerYear())));
        // Growth in percent over a year plus the operating margin in percent (widened to the window after).
        t.row("rule_of_40", SCORE, HIGHER, -INF, INF, "Rule of 40", "finance.operating_margin and MRR growth",
                "organic ARR growth over a year % + the window's mean operating margin %",
                v -> v.get("operating_margin") == null ? null
                        : add(mul(yearly(v), 100), mul(v.get("operating_margin"), 100)));
    }

    /**
     * Payback and lifetime value of the deals CAC bought (new customers' ARPA when known), with the base's average
     * ARPA beside them. The calculator evaluates these same rows again once CAC and churn span the window.
     */
    private static void unitEconomics(MetricTable t) {
        t.row("cac_payback_months", MONTHS, LOWER, 0, INF, "CAC payback",
                SPEND + ", finance.gross_margin and customers.new",
                "CAC / (new customers' ARPA, else ARPA, × gross margin), in months, over the window",
                v -> div(v.get("cac"), times(dealArpa(v), v.get("gross_margin"))));
        t.row("base_cac_payback_months", MONTHS, LOWER, -INF, INF, "CAC payback on the base's ARPA",
                SPEND + ", finance.gross_margin and customers.new", "CAC / (ARPA of the whole base × gross margin)",
                v -> div(v.get("cac"), times(v.get("arpa"), v.get("gross_margin"))));
        t.row("ltv", MONEY, HIGHER, 0, INF, "LTV", "finance.gross_margin and the MRR and customer bridges",
                "new customers' ARPA (else ARPA) × gross margin / monthly logo churn over the window",
                v -> div(times(dealArpa(v), v.get("gross_margin")), v.get("logo_churn_rate_monthly")));
        t.row("ltv_cac_ratio", MULTIPLE, HIGHER, 0, INF, "LTV:CAC",
                SPEND + ", finance.gross_margin and the MRR and customer bridges", "LTV / CAC",
                v -> div(v.get("ltv"), v.get("cac")));
        t.row("base_ltv_cac_ratio", MULTIPLE, HIGHER, -INF, INF, "LTV:CAC on the base's ARPA",
                SPEND + ", finance.gross_margin and the MRR and customer bridges",
                "ARPA of the whole base × gross margin / monthly logo churn / CAC",
                v -> div(div(times(v.get("arpa"), v.get("gross_margin")), v.get("logo_churn_rate_monthly")),
                        v.get("cac")));
    }

    /** The ARPA of the deals CAC bought: new customers' when they are known, else the base's. */
    private static Double dealArpa(Formula.Values v) {
        Double newArpa = v.get("new_arpa");
        return newArpa != null ? newArpa : v.get("arpa");
    }

    /** A year's growth: the reported year over year, else this period's organic growth compounded over a year. */
    private static Double yearly(Formula.Values v) {
        Double reported = v.get("arr_growth_rate_yoy");
        Double growth = v.get("organic_mrr_growth_rate");
        return reported != null ? reported : growth == null ? null : Math.pow(1 + growth, v.periodsPerYear()) - 1;
    }

    /** Growth judged over the window, not one month (judgment.md P12): built by MoneyOverTheWindow. */
    static void overTheWindow(MetricTable t) {
        t.row("arr_growth_rate_yoy", RATIO, HIGHER, -1, INF, "organic ARR growth over a year",
                "the MRR bridge over 3 months or more (history), or as reported",
                "ARR growth without acquired MRR: over the last 12 months when known, else annualised from the longest "
                        + "window of 3 months or more, else this period's growth as a run rate (capped)", null);
        t.row("year_over_year_arr_growth", RATIO, HIGHER, -1, INF, "ARR growth over 12 months",
                "12 months of MRR (history or year_ago_customers)",
                "(ARR now − ARR 12 months earlier) / ARR 12 months earlier, acquisitions included", null);
        t.row("acquired_mrr_in_window", MONEY, NEUTRAL, 0, INF, "acquired MRR left out of growth", "mrr.acquired",
                "MRR that acquisitions brought within the growth window, left out of organic growth", null);
    }

    /** This period against the history entries before it: built by HistoryFormulas. */
    static void againstHistory(MetricTable t) {
        String previous = " in this period and the last history entry";
        t.ratio("gross_revenue_growth_rate", "gross revenue growth", HIGHER, -1, INF, "revenue.gross" + previous,
                "(gross revenue − last period's) / last period's", null);
        t.ratio("net_revenue_growth_rate", "net revenue growth", HIGHER, -INF, INF, "net revenue" + previous,
                "(net revenue − last period's) / last period's", null);
        t.ratio("arpu_growth_rate", "ARPU growth", HIGHER, -1, INF, "ARPU" + previous,
                "(ARPU − last period's) / last period's", null);
        t.row("net_revenue_growth_gap", POINTS, HIGHER, -INF, INF, "net minus gross revenue growth",
                "revenue.gross, its deductions and history", "net revenue growth − gross revenue growth", null);
        String older = "logo churn in this period and in a history entry at least 3 months older";
        t.row("logo_churn_change", POINTS, LOWER, -1, 1, "change in monthly logo churn", older,
                "mean monthly logo churn of the latest periods − the mean of earlier ones at least 3 months older",
                null);
        t.ratio("logo_churn_change_relative", "relative change in monthly logo churn", LOWER, -1, INF, older,
                "mean monthly logo churn of the latest periods / the mean of earlier ones at least 3 months older "
                        + "− 1",
                null);
    }

    /** Revenue in a few customers (ConcentrationFormulas), and a slice's share of the company (the calculator). */
    static void concentration(MetricTable t) {
        t.row("top_customer_mrr", MONEY, NEUTRAL, 0, INF, "largest customer's MRR", "customer_revenue",
                "the largest customer's MRR", null);
        t.ratio("top_customer_share", "largest customer's share", LOWER, 0, 1, "customer_revenue",
                "the largest customer's MRR / MRR", null);
        t.ratio("top10_customer_share", "top 10 customers' share", LOWER, 0, 1, "customer_revenue",
                "the ten largest customers' MRR / MRR", null);
        t.ratio("customer_hhi", "customer concentration index (HHI)", LOWER, 0, 1, "customer_revenue",
                "sum of each customer's squared share of MRR", null);
        t.ratio("mrr_share", "share of company MRR", NEUTRAL, 0, 1, "breakdowns with mrr.ending",
                "the slice's MRR / company MRR", null);
        t.ratio("customer_share", "share of company customers", NEUTRAL, 0, 1, "breakdowns with customers.ending",
                "the slice's customers / company customers", null);
    }

    /** Retention by cohort and how the cohorts compare: built by CohortMetrics. */
    static void cohorts(MetricTable t) {
        t.ratio("cohort_logo_retention", "logo retention", HIGHER, 0, 1, "cohorts",
                "a cohort's customers still paying at an age / its starting customers", null);
        t.ratio("cohort_revenue_retention", "revenue retention", HIGHER, 0, INF, "cohorts",
                "a cohort's MRR at an age / its starting MRR", null);
        String cohorts = "at least 3 cohorts that reached the same age";
        t.row("cohort_logo_retention_shift", POINTS, HIGHER, -1, 1, "newest minus oldest cohort's logo retention",
                cohorts, "newest − oldest cohort's logo retention, at the latest age at least 3 cohorts reached",
                null);
        t.row("cohort_revenue_retention_shift", POINTS, HIGHER, -INF, INF,
                "newest minus oldest cohort's revenue retention", cohorts,
                "newest − oldest cohort's revenue retention, at the latest age at least 3 cohorts reached", null);
        t.row("cohort_logo_retention_largest_gain", POINTS, NEUTRAL, -1, 1,
                "largest gain in logo retention from one cohort to the next", cohorts,
                "the largest rise in logo retention from one cohort to the next", null);
        t.row("cohort_revenue_retention_largest_gain", POINTS, NEUTRAL, -INF, INF,
                "largest gain in revenue retention from one cohort to the next", cohorts,
                "the largest rise in revenue retention from one cohort to the next", null);
        t.row("cohort_logo_retention_slope", POINTS, HIGHER, -1, 1,
                "trend of logo retention from one cohort to the next", cohorts,
                "least-squares slope of logo retention across cohorts, at the latest age at least 3 cohorts reached",
                null);
        t.row("cohort_revenue_retention_slope", POINTS, HIGHER, -INF, INF,
                "trend of revenue retention from one cohort to the next", cohorts,
                "least-squares slope of revenue retention across cohorts, at the latest age at least 3 cohorts "
                        + "reached", null);
    }

    /** Gaps between figures that should agree, beyond the bridges' own (judgment.md, data quality). */
    static void dataQuality(MetricTable t) {
        t.ratio("stored_history_gap_rate", "gap between the history sent and the periods stored", LOWER, 0, INF,
                "a history entry for a period the company stored",
                "|sent − stored| / the larger, over the numbers both give for a period", null);
        t.ratio("breakdown_mrr_gap_rate", "gap between the slices' MRR and the company's", LOWER, 0, INF,
                "breakdowns with mrr.ending, and mrr.ending", "|sum of the slices' MRR − company MRR| / company MRR",
                null);
        t.ratio("period_mrr_discontinuity_rate", "gap between this period's starting MRR and the last one's ending",
                LOWER, 0, INF, "mrr.starting and the previous history entry's mrr.ending",
                "|starting MRR − the last period's ending MRR| / the last period's ending MRR", null);
        t.row("period_customer_discontinuity", COUNT, LOWER, 0, INF,
                "gap between this period's starting customers and the last one's ending",
                "customers.starting and the previous history entry's customers.ending",
                "|starting customers − the last period's ending customers|", null);
    }

    static void reportedOnly(MetricTable t) {
        t.reported("contribution_margin", RATIO, HIGHER, -INF, 1, "contribution margin");
        t.reported("acv", MONEY, HIGHER, 0, INF, "ACV");
    }
}
