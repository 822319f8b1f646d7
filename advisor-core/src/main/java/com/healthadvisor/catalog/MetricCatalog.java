package com.healthadvisor.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every metric code of metrics.md (plus the few this advisor adds for trends and gaps), with its unit,
 * direction and possible range. Codes are public API: add, never rename.
 */
public final class MetricCatalog {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final Pattern LARGEST_SHARE = Pattern.compile("largest_([a-z][a-z0-9_]*)_share");
    private static final Map<String, MetricDefinition> DEFINITIONS = new LinkedHashMap<>();

    static {
        String bridge = "the mrr bridge";
        money("mrr", "MRR", "higher", "mrr.ending",
                "MRR at the end of the period");
        money("arr", "ARR", "higher", "mrr.ending",
                "MRR × 12");
        money("starting_arr", "starting ARR", "neutral", "mrr.starting, or mrr.ending and MRR growth",
                "starting MRR × 12 (or ending MRR / (1 + MRR growth) × 12)");
        money("starting_mrr", "starting MRR", "neutral", "mrr.starting",
                "MRR at the start of the period");
        money("new_mrr", "new MRR", "higher", "mrr.new",
                "MRR from customers new in the period");
        money("expansion_mrr", "expansion MRR", "higher", "mrr.expansion",
                "MRR added by existing customers (upgrades, seats, add-ons)");
        money("reactivation_mrr", "reactivation MRR", "higher", "mrr.reactivation",
                "MRR from customers who came back");
        money("contraction_mrr", "contraction MRR", "lower", "mrr.contraction",
                "MRR lost by customers who stayed (downgrades)");
        money("churned_mrr", "churned MRR", "lower", "mrr.churned",
                "MRR lost with customers who left");
        define("net_new_mrr", "money", "higher", -INF, INF, "net new MRR", "every component of " + bridge,
                "new + expansion + reactivation − contraction − churned MRR");
        money("acquired_mrr", "acquired MRR", "neutral", "mrr.acquired",
                "MRR of companies acquired in the period");
        ratio("mrr_growth_rate", "MRR growth", "higher", -1, INF, "mrr.starting and mrr.ending",
                "(ending MRR − starting MRR) / starting MRR");
        ratio("organic_mrr_growth_rate", "organic MRR growth", "higher", -INF, INF,
                "mrr.starting and mrr.ending (less mrr.acquired)",
                "(ending − acquired − starting MRR) / starting MRR");
        ratio("acquired_share_of_growth", "share of MRR growth acquired", "neutral", -INF, INF,
                "mrr.acquired, mrr.starting and mrr.ending",
                "acquired MRR / (ending − starting MRR)");
        ratio("revenue_churn_rate", "revenue churn", "lower", 0, 1, "mrr.starting and mrr.churned",
                "churned MRR / starting MRR");
        ratio("revenue_churn_rate_monthly", "monthly revenue churn", "lower", 0, 1, "mrr.starting and mrr.churned",
                "1 − (share of MRR kept over the months covered) ^ (1 / months covered), history included");
        ratio("gross_revenue_churn_rate", "gross revenue churn", "lower", 0, 1,
                "mrr.starting, mrr.churned and mrr.contraction",
                "(churned + contraction MRR) / starting MRR");
        ratio("net_revenue_churn_rate", "net revenue churn", "lower", -INF, 1,
                "mrr.starting, mrr.churned, mrr.contraction and mrr.expansion",
                "(churned + contraction − expansion MRR) / starting MRR");
        ratio("nrr_period", "NRR over the period", "higher", 0, INF,
                "mrr.starting, mrr.expansion, mrr.contraction and mrr.churned",
                "(starting + expansion − contraction − churned MRR) / starting MRR");
        // Above 10 (1,000% a year) an NRR is a percentage written as a ratio (110 for 1.10): refused with a hint.
        ratio("nrr", "NRR", "higher", 0, 10,
                "mrr.starting, mrr.expansion, mrr.contraction and mrr.churned, or year_ago_customers",
                "NRR over the period, compounded to a year");
        ratio("nrr_run_rate", "NRR at this period's rate", "higher", 0, INF,
                "mrr.starting, mrr.expansion, mrr.contraction and mrr.churned",
                "NRR over the period ^ periods per year");
        ratio("grr", "GRR", "higher", 0, 1,
                "mrr.starting, mrr.churned and mrr.contraction, or year_ago_customers.mrr_now_capped",
                "(1 − gross revenue churn), compounded to a year");
        ratio("expansion_rate", "expansion rate", "higher", 0, INF, "mrr.starting and mrr.expansion",
                "expansion MRR / starting MRR");
        ratio("expansion_rate_annual", "annualised expansion rate", "higher", 0, INF,
                "mrr.starting and mrr.expansion",
                "expansion rate × periods per year");
        ratio("expansion_share_of_new_mrr", "expansion share of new MRR", "higher", 0, 1,
                "mrr.new and mrr.expansion",
                "expansion MRR / (new + expansion MRR)");
        define("quick_ratio", "multiple", "higher", 0, INF, "quick ratio",
                "mrr.new, mrr.expansion, mrr.churned and mrr.contraction (with some MRR lost)",
                "(new + expansion MRR) / (churned + contraction MRR)");
        count("customers", "customers", "higher", "customers.ending",
                "paying customers at the end of the period");
        count("starting_customers", "starting customers", "neutral", "customers.starting",
                "paying customers at the start of the period");
        count("new_customers", "new customers", "higher", "customers.new",
                "customers won in the period");
        count("acquired_customers", "acquired customers", "neutral", "customers.acquired",
                "customers that came with an acquisition in the period");
        count("reactivated_customers", "reactivated customers", "higher", "customers.reactivated",
                "customers who came back in the period");
        count("churned_customers", "churned customers", "lower", "customers.churned",
                "customers lost in the period");
        count("rate_base_customers", "customer count at the start of the period", "neutral",
                "customers.starting or customers.ending",
                "customers at the start of the period (else at the end), the base churn rates stand on");
        count("users", "paying users", "higher", "users",
                "paying users (seats) at the end of the period");
        ratio("logo_churn_rate", "logo churn", "lower", 0, 1, "customers.starting and customers.churned",
                "customers lost / customers at the start of the period");
        ratio("logo_churn_rate_annual", "annual logo churn", "lower", 0, 1,
                "customers.starting and customers.churned",
                "1 − (1 − logo churn) ^ periods per year (compounded, not multiplied)");
        ratio("logo_churn_rate_monthly", "monthly logo churn", "lower", 0, 1,
                "customers.starting and customers.churned",
                "1 − (share of customers kept over the months covered) ^ (1 / months covered), history included");
        ratio("customer_growth_rate", "customer growth", "higher", -1, INF,
                "customers.starting and customers.ending",
                "(ending customers − customers at the start of the window) / customers at the start of the window");
        money("arpa", "ARPA", "higher", "mrr.ending and customers.ending",
                "MRR / paying accounts");
        money("arpu", "ARPU", "higher", "mrr.ending and users",
                "MRR / paying users");
        define("seats_per_account", "count", "neutral", 0, INF, "seats per account", "users and customers.ending",
                "paying users / paying accounts");
        money("gross_revenue", "gross revenue", "higher", "revenue.gross",
                "revenue billed before deductions");
        money("discounts", "discounts", "lower", "revenue.discounts",
                "discounts given in the period");
        money("refunds", "refunds", "lower", "revenue.refunds",
                "refunds paid in the period");
        money("credits", "credits", "lower", "revenue.credits",
                "credits granted in the period");
        define("net_revenue", "money", "higher", -INF, INF, "net revenue",
                "revenue.gross, discounts, refunds and credits",
                "gross revenue − discounts − refunds − credits");
        ratio("discount_rate", "discount rate", "lower", 0, 1, "revenue.gross and revenue.discounts",
                "discounts / gross revenue");
        ratio("refund_rate", "refund rate", "lower", 0, 1, "revenue.gross and revenue.refunds",
                "refunds / gross revenue");
        String previous = " in this period and the last history entry";
        ratio("gross_revenue_growth_rate", "gross revenue growth", "higher", -1, INF, "revenue.gross" + previous,
                "(gross revenue − last period's) / last period's");
        ratio("net_revenue_growth_rate", "net revenue growth", "higher", -INF, INF, "net revenue" + previous,
                "(net revenue − last period's) / last period's");
        ratio("arpu_growth_rate", "ARPU growth", "higher", -1, INF, "ARPU" + previous,
                "(ARPU − last period's) / last period's");
        ratio("arpa_growth_rate", "ARPA growth", "higher", -1, INF,
                "mrr and customers bridges, or ARPA" + previous,
                "(ARPA − ARPA at the start of the window) / ARPA at the start of the window");
        define("logo_churn_change", "points", "lower", -1, 1, "change in monthly logo churn",
                "logo churn in this period and in a history entry at least 3 months older",
                "mean monthly logo churn of the latest periods − the mean of earlier ones at least 3 months older");
        ratio("logo_churn_change_relative", "relative change in monthly logo churn", "lower", -1, INF,
                "logo churn in this period and in a history entry at least 3 months older",
                "mean monthly logo churn of the latest periods / the mean of earlier ones at least 3 months older − 1");
        money("top_customer_mrr", "largest customer's MRR", "neutral", "customer_revenue",
                "the largest customer's MRR");
        ratio("top_customer_share", "largest customer's share", "lower", 0, 1, "customer_revenue",
                "the largest customer's MRR / MRR");
        ratio("top10_customer_share", "top 10 customers' share", "lower", 0, 1, "customer_revenue",
                "the ten largest customers' MRR / MRR");
        ratio("customer_hhi", "customer concentration index (HHI)", "lower", 0, 1, "customer_revenue",
                "sum of each customer's squared share of MRR");
        ratio("mrr_share", "share of company MRR", "neutral", 0, 1, "breakdowns with mrr.ending",
                "the slice's MRR / company MRR");
        ratio("customer_share", "share of company customers", "neutral", 0, 1, "breakdowns with customers.ending",
                "the slice's customers / company customers");
        ratio("cohort_logo_retention", "logo retention", "higher", 0, 1, "cohorts",
                "a cohort's customers still paying at an age / its starting customers");
        ratio("cohort_revenue_retention", "revenue retention", "higher", 0, INF, "cohorts",
                "a cohort's MRR at an age / its starting MRR");
        String cohorts = "at least 3 cohorts that reached the same age";
        define("cohort_logo_retention_shift", "points", "higher", -1, 1,
                "newest minus oldest cohort's logo retention", cohorts,
                "newest − oldest cohort's logo retention, at the latest age at least 3 cohorts reached");
        define("cohort_revenue_retention_shift", "points", "higher", -INF, INF,
                "newest minus oldest cohort's revenue retention", cohorts,
                "newest − oldest cohort's revenue retention, at the latest age at least 3 cohorts reached");
        define("cohort_logo_retention_largest_gain", "points", "neutral", -1, 1,
                "largest gain in logo retention from one cohort to the next", cohorts,
                "the largest rise in logo retention from one cohort to the next");
        define("cohort_revenue_retention_largest_gain", "points", "neutral", -INF, INF,
                "largest gain in revenue retention from one cohort to the next", cohorts,
                "the largest rise in revenue retention from one cohort to the next");
        define("cohort_logo_retention_slope", "points", "higher", -1, 1,
                "trend of logo retention from one cohort to the next", cohorts,
                "least-squares slope of logo retention across cohorts, at the latest age at least 3 cohorts reached");
        define("cohort_revenue_retention_slope", "points", "higher", -INF, INF,
                "trend of revenue retention from one cohort to the next", cohorts,
                "least-squares slope of revenue retention across cohorts, at the latest age at least 3 cohorts reached");
        define("revenue_logo_churn_gap", "points", "lower", -1, 1, "monthly revenue churn minus monthly logo churn",
                "revenue churn and logo churn",
                "revenue churn − logo churn");
        ratio("revenue_logo_churn_gap_relative", "gap between revenue and logo churn, against the smaller", "neutral", 0,
                INF, "revenue churn and logo churn",
                "(monthly revenue churn − monthly logo churn) / the smaller of the two");
        define("revenue_logo_churn_gap_annual", "points", "lower", -1, 1,
                "annual revenue churn minus annual logo churn, this period's rates", "revenue churn and logo churn",
                "annual revenue churn − annual logo churn, both compounded from this period");
        define("net_revenue_growth_gap", "points", "higher", -INF, INF,
                "net minus gross revenue growth", "revenue.gross, its deductions and history",
                "net revenue growth − gross revenue growth");
        ratio("mrr_bridge_gap_rate", "MRR bridge gap", "lower", 0, INF, "every component of the mrr bridge",
                "|starting + movements − ending MRR| / starting MRR");
        ratio("stored_history_gap_rate", "gap between the history sent and the periods stored", "lower", 0, INF,
                "a history entry for a period the company stored",
                "|sent − stored| / the larger, over the numbers both give for a period");
        ratio("breakdown_mrr_gap_rate", "gap between the slices' MRR and the company's", "lower", 0, INF,
                "breakdowns with mrr.ending, and mrr.ending",
                "|sum of the slices' MRR − company MRR| / company MRR");
        ratio("period_mrr_discontinuity_rate", "gap between this period's starting MRR and the last one's ending",
                "lower", 0, INF, "mrr.starting and the previous history entry's mrr.ending",
                "|starting MRR − the last period's ending MRR| / the last period's ending MRR");
        define("period_customer_discontinuity", "count", "lower", 0, INF,
                "gap between this period's starting customers and the last one's ending",
                "customers.starting and the previous history entry's customers.ending",
                "|starting customers − the last period's ending customers|");
        define("customer_bridge_gap", "count", "lower", 0, INF, "customer bridge gap",
                "every component of the customer bridge",
                "|starting + new + reactivated − churned − ending customers|");
        ratio("gross_margin", "gross margin", "higher", -INF, 1, "finance.gross_margin",
                "as given in the finance section, or as reported");
        ratio("operating_margin", "operating margin", "higher", -INF, 1,
                "finance.operating_margin",
                "as given in the finance section, or as reported");
        money("sales_marketing_spend", "sales and marketing spend", "lower", "finance.sales_marketing_spend",
                "as given in the finance section");
        define("net_burn", "money", "lower", -INF, INF, "net burn", "finance.net_burn",
                "as given in the finance section");
        money("cash", "cash", "higher", "finance.cash",
                "as given in the finance section");
        reported("contribution_margin", "ratio", "higher", -INF, 1, "contribution margin",
                "as reported");
        String spend = "finance.sales_marketing_spend";
        define("ltv_cac_ratio", "multiple", "higher", 0, INF, "LTV:CAC",
                spend + ", finance.gross_margin and the MRR and customer bridges",
                "LTV / CAC");
        define("cac_payback_months", "months", "lower", 0, INF, "CAC payback",
                spend + ", finance.gross_margin and customers.new",
                "CAC / (new customers' ARPA, else ARPA, × gross margin), in months, over the window");
        define("rule_of_40", "score", "higher", -INF, INF, "Rule of 40",
                "finance.operating_margin and MRR growth",
                "organic ARR growth over a year % + the window's mean operating margin %");
        define("magic_number", "multiple", "higher", -INF, INF, "magic number",
                spend + " and the MRR bridge",
                "net new MRR × 12 / sales and marketing spend, summed over the window (acquired MRR left out)");
        define("burn_multiple", "multiple", "lower", -INF, INF, "burn multiple",
                "finance.net_burn and the MRR bridge",
                "net burn / net new ARR of the same period");
        define("runway_months", "months", "higher", 0, INF, "runway", "finance.cash and finance.net_burn",
                "cash / monthly net burn");
        define("arr_growth_rate_yoy", "ratio", "higher", -1, INF, "organic ARR growth over a year",
                "the MRR bridge over 3 months or more (history), or as reported",
                "ARR growth without acquired MRR: over the last 12 months when known, else annualised from the longest "
                        + "window of 3 months or more, else this period's growth as a run rate (capped)");
        define("year_over_year_arr_growth", "ratio", "higher", -1, INF, "ARR growth over 12 months",
                "12 months of MRR (history or year_ago_customers)",
                "(ARR now − ARR 12 months earlier) / ARR 12 months earlier, acquisitions included");
        money("acquired_mrr_in_window", "acquired MRR left out of growth", "neutral", "mrr.acquired",
                "MRR that acquisitions brought within the growth window, left out of organic growth");
        money("new_arpa", "new customers' ARPA", "higher", "mrr.new and customers.new",
                "new MRR / new customers, over the window");
        define("base_cac_payback_months", "months", "lower", -INF, INF, "CAC payback on the base's ARPA",
                spend + ", finance.gross_margin and customers.new", "CAC / (ARPA of the whole base × gross margin)");
        define("base_ltv_cac_ratio", "multiple", "higher", -INF, INF, "LTV:CAC on the base's ARPA",
                spend + ", finance.gross_margin and the MRR and customer bridges",
                "ARPA of the whole base × gross margin / monthly logo churn / CAC");
        money("mean_monthly_burn", "mean monthly net burn", "lower", "finance.net_burn in history",
                "net burn over the window / the months it covers");
        reported("acv", "money", "higher", 0, INF, "ACV",
                "as reported");
        define("cac", "money", "lower", 0, INF, "CAC", spend + " and customers.new",
                "sales and marketing spend / new customers, over the window");
        define("ltv", "money", "higher", 0, INF, "LTV",
                "finance.gross_margin and the MRR and customer bridges",
                "new customers' ARPA (else ARPA) × gross margin / monthly logo churn over the window");
    }

    /**
     * Figures stated per year: computed from fewer than 3 months of data they are run rates (judgment.md P5); reported
     * by the company they count as 12 months.
     */
    public static final Set<String> ANNUAL = codes("nrr", "grr", "logo_churn_rate_annual", "expansion_rate_annual",
            "arr_growth_rate_yoy", "year_over_year_arr_growth", "rule_of_40", "magic_number", "burn_multiple", "ltv",
            "ltv_cac_ratio");

    /**
     * Rates that mean nothing on a handful of customers (judgment.md P6): below {@code min_customers_for_rates}
     * customers at the start of a period, one departure moves them by tens of points, so they are not judged.
     */
    public static final Set<String> RATES_NEEDING_A_SAMPLE = codes("logo_churn_rate", "logo_churn_rate_annual",
            "revenue_churn_rate", "gross_revenue_churn_rate", "net_revenue_churn_rate", "nrr", "grr", "quick_ratio",
            "logo_churn_change", "logo_churn_change_relative", "expansion_share_of_new_mrr", "expansion_rate_annual",
            "revenue_logo_churn_gap", "logo_churn_rate_monthly", "revenue_churn_rate_monthly",
            "revenue_logo_churn_gap_relative");

    /** The metrics a report draws against their benchmark bands, in this order. */
    public static final Set<String> HEADLINE = codes("logo_churn_rate_monthly", "logo_churn_rate_annual", "nrr",
            "quick_ratio", "expansion_share_of_new_mrr", "arr_growth_rate_yoy", "gross_margin", "ltv_cac_ratio",
            "cac_payback_months", "rule_of_40", "magic_number", "burn_multiple", "runway_months", "arpa", "arpu",
            "discount_rate", "refund_rate", "top_customer_share", "top10_customer_share", "largest_product_share");

    /** The growth and change rates a report lists under "Trends", in this order. */
    public static final Set<String> TRENDS = codes("year_over_year_arr_growth", "mrr_growth_rate", "customer_growth_rate", "logo_churn_change",
            "gross_revenue_growth_rate", "net_revenue_growth_rate", "arpa_growth_rate", "arpu_growth_rate");

    /** The company-wide metrics a company's timeline shows for each period and a change report compares first. */
    public static final Set<String> KEY = codes("mrr", "mrr_growth_rate", "customers", "logo_churn_rate",
            "revenue_churn_rate", "nrr", "grr", "quick_ratio", "arpa");

    private MetricCatalog() {
    }

    /** The definition of a code, including the {@code largest_<dimension>_share} family. */
    public static Optional<MetricDefinition> find(String code) {
        MetricDefinition known = DEFINITIONS.get(code);
        if (known != null || code == null) {
            return Optional.ofNullable(known);
        }
        // Checked by hand: every lookup of a code that is not in the table comes here, often on a hot path.
        if (!code.startsWith("largest_") || !code.endsWith("_share") || !LARGEST_SHARE.matcher(code).matches()) {
            return Optional.empty();
        }
        String dimension = code.substring("largest_".length(), code.length() - "_share".length());
        return Optional.of(new MetricDefinition(code, "ratio", "lower", 0, 1,
                "largest " + dimension.replace('_', ' ') + "'s share of MRR", dimension + " breakdowns",
                "the largest slice's MRR / company MRR"));
    }

    public static MetricDefinition get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown metric code '" + code + "'"));
    }

    public static boolean isKnown(String code) {
        return find(code).isPresent();
    }

    public static Collection<MetricDefinition> all() {
        return DEFINITIONS.values();
    }

    /** The known code nearest to a misspelt one, for "did you mean" messages. */
    public static String nearest(String code) {
        return DEFINITIONS.keySet().stream()
                .min(Comparator.comparingInt(known -> EditDistance.between(code, known)))
                .orElseThrow();
    }

    /** A list of codes in its order, each one defined above: a misspelt code stops the class from loading. */
    private static Set<String> codes(String... codes) {
        for (String code : codes) {
            if (!isKnown(code)) {
                throw new IllegalStateException("unknown metric code '" + code + "' in the catalog's lists");
            }
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(codes)));
    }

    private static void money(String code, String label, String direction, String needs, String formula) {
        define(code, "money", direction, 0, INF, label, needs, formula);
    }

    private static void count(String code, String label, String direction, String needs, String formula) {
        define(code, "count", direction, 0, INF, label, needs, formula);
    }

    private static void ratio(String code, String label, String direction, double min, double max, String needs,
                              String formula) {
        define(code, "ratio", direction, min, max, label, needs, formula);
    }

    private static void reported(String code, String unit, String direction, double min, double max, String label,
                                 String formula) {
        define(code, unit, direction, min, max, label, "metrics." + code, formula);
    }

    private static void define(String code, String unit, String direction, double min, double max,
                               String label, String needs, String formula) {
        DEFINITIONS.put(code, new MetricDefinition(code, unit, direction, min, max, label, needs, formula));
    }
}
