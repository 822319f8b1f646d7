package com.healthadvisor.catalog;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

    /**
     * Rates that mean nothing on a handful of customers (judgment.md P6): below {@code min_customers_for_rates}
     * customers at the start of a period, one departure moves them by tens of points, so they are not judged.
     */
    /**
     * Figures stated per year: computed from fewer than 3 months of data they are run rates (judgment.md P5); reported
     * by the company they count as 12 months.
     */
    public static final Set<String> ANNUAL = Set.of("nrr", "grr", "logo_churn_rate_annual", "expansion_rate_annual",
            "arr_growth_rate_yoy");

    public static final Set<String> RATES_NEEDING_A_SAMPLE = Set.of("logo_churn_rate", "logo_churn_rate_annual",
            "revenue_churn_rate", "gross_revenue_churn_rate", "net_revenue_churn_rate", "nrr", "grr", "quick_ratio",
            "logo_churn_change", "logo_churn_change_relative", "expansion_share_of_new_mrr", "expansion_rate_annual", "revenue_logo_churn_gap",
            "logo_churn_rate_monthly", "revenue_churn_rate_monthly", "revenue_logo_churn_gap_relative");

    static {
        String bridge = "the mrr bridge";
        money("mrr", "MRR", "higher", "mrr.ending");
        money("arr", "ARR", "higher", "mrr.ending");
        money("starting_arr", "starting ARR", "neutral", "mrr.starting, or mrr.ending and MRR growth");
        money("starting_mrr", "starting MRR", "neutral", "mrr.starting");
        money("new_mrr", "new MRR", "higher", "mrr.new");
        money("expansion_mrr", "expansion MRR", "higher", "mrr.expansion");
        money("reactivation_mrr", "reactivation MRR", "higher", "mrr.reactivation");
        money("contraction_mrr", "contraction MRR", "lower", "mrr.contraction");
        money("churned_mrr", "churned MRR", "lower", "mrr.churned");
        define("net_new_mrr", "money", "higher", -INF, INF, "net new MRR", "every component of " + bridge);
        money("acquired_mrr", "acquired MRR", "neutral", "mrr.acquired");
        ratio("mrr_growth_rate", "MRR growth", "higher", -1, INF, "mrr.starting and mrr.ending");
        ratio("organic_mrr_growth_rate", "organic MRR growth", "higher", -INF, INF,
                "mrr.starting and mrr.ending (less mrr.acquired)");
        ratio("acquired_share_of_growth", "share of MRR growth acquired", "neutral", -INF, INF,
                "mrr.acquired, mrr.starting and mrr.ending");
        ratio("revenue_churn_rate", "revenue churn", "lower", 0, 1, "mrr.starting and mrr.churned");
        ratio("revenue_churn_rate_monthly", "monthly revenue churn", "lower", 0, 1, "mrr.starting and mrr.churned");
        ratio("gross_revenue_churn_rate", "gross revenue churn", "lower", 0, 1,
                "mrr.starting, mrr.churned and mrr.contraction");
        ratio("net_revenue_churn_rate", "net revenue churn", "lower", -INF, 1,
                "mrr.starting, mrr.churned, mrr.contraction and mrr.expansion");
        ratio("nrr_period", "NRR over the period", "higher", 0, INF,
                "mrr.starting, mrr.expansion, mrr.contraction and mrr.churned");
        // Above 10 (1,000% a year) an NRR is a percentage written as a ratio (110 for 1.10): refused with a hint.
        ratio("nrr", "NRR", "higher", 0, 10,
                "mrr.starting, mrr.expansion, mrr.contraction and mrr.churned, or year_ago_customers");
        ratio("nrr_run_rate", "NRR at this period's rate", "higher", 0, INF,
                "mrr.starting, mrr.expansion, mrr.contraction and mrr.churned");
        ratio("grr", "GRR", "higher", 0, 1,
                "mrr.starting, mrr.churned and mrr.contraction, or year_ago_customers.mrr_now_capped");
        ratio("expansion_rate", "expansion rate", "higher", 0, INF, "mrr.starting and mrr.expansion");
        ratio("expansion_rate_annual", "annualised expansion rate", "higher", 0, INF,
                "mrr.starting and mrr.expansion");
        ratio("expansion_share_of_new_mrr", "expansion share of new MRR", "higher", 0, 1,
                "mrr.new and mrr.expansion");
        define("quick_ratio", "multiple", "higher", 0, INF, "quick ratio",
                "mrr.new, mrr.expansion, mrr.churned and mrr.contraction (with some MRR lost)");
        count("customers", "customers", "higher", "customers.ending");
        count("starting_customers", "starting customers", "neutral", "customers.starting");
        count("new_customers", "new customers", "higher", "customers.new");
        count("acquired_customers", "acquired customers", "neutral", "customers.acquired");
        count("reactivated_customers", "reactivated customers", "higher", "customers.reactivated");
        count("churned_customers", "churned customers", "lower", "customers.churned");
        count("rate_base_customers", "customer count at the start of the period", "neutral",
                "customers.starting or customers.ending");
        count("users", "paying users", "higher", "users");
        ratio("logo_churn_rate", "logo churn", "lower", 0, 1, "customers.starting and customers.churned");
        ratio("logo_churn_rate_annual", "annual logo churn", "lower", 0, 1,
                "customers.starting and customers.churned");
        ratio("logo_churn_rate_monthly", "monthly logo churn", "lower", 0, 1,
                "customers.starting and customers.churned");
        ratio("customer_growth_rate", "customer growth", "higher", -1, INF,
                "customers.starting and customers.ending");
        money("arpa", "ARPA", "higher", "mrr.ending and customers.ending");
        money("arpu", "ARPU", "higher", "mrr.ending and users");
        define("seats_per_account", "count", "neutral", 0, INF, "seats per account", "users and customers.ending");
        money("gross_revenue", "gross revenue", "higher", "revenue.gross");
        money("discounts", "discounts", "lower", "revenue.discounts");
        money("refunds", "refunds", "lower", "revenue.refunds");
        money("credits", "credits", "lower", "revenue.credits");
        define("net_revenue", "money", "higher", -INF, INF, "net revenue",
                "revenue.gross, discounts, refunds and credits");
        ratio("discount_rate", "discount rate", "lower", 0, 1, "revenue.gross and revenue.discounts");
        ratio("refund_rate", "refund rate", "lower", 0, 1, "revenue.gross and revenue.refunds");
        String previous = " in this period and the last history entry";
        ratio("gross_revenue_growth_rate", "gross revenue growth", "higher", -1, INF, "revenue.gross" + previous);
        ratio("net_revenue_growth_rate", "net revenue growth", "higher", -INF, INF, "net revenue" + previous);
        ratio("arpu_growth_rate", "ARPU growth", "higher", -1, INF, "ARPU" + previous);
        ratio("arpa_growth_rate", "ARPA growth", "higher", -1, INF,
                "mrr and customers bridges, or ARPA" + previous);
        define("logo_churn_change", "points", "lower", -1, 1, "change in monthly logo churn",
                "logo churn in this period and in a history entry at least 3 months older");
        ratio("logo_churn_change_relative", "relative change in monthly logo churn", "lower", -1, INF,
                "logo churn in this period and in a history entry at least 3 months older");
        money("top_customer_mrr", "largest customer's MRR", "neutral", "customer_revenue");
        ratio("top_customer_share", "largest customer's share", "lower", 0, 1, "customer_revenue");
        ratio("top10_customer_share", "top 10 customers' share", "lower", 0, 1, "customer_revenue");
        ratio("customer_hhi", "customer concentration index (HHI)", "lower", 0, 1, "customer_revenue");
        ratio("mrr_share", "share of company MRR", "neutral", 0, 1, "breakdowns with mrr.ending");
        ratio("customer_share", "share of company customers", "neutral", 0, 1, "breakdowns with customers.ending");
        ratio("cohort_logo_retention", "logo retention", "higher", 0, 1, "cohorts");
        ratio("cohort_revenue_retention", "revenue retention", "higher", 0, INF, "cohorts");
        String cohorts = "at least 3 cohorts that reached the same age";
        define("cohort_logo_retention_shift", "points", "higher", -1, 1,
                "newest minus oldest cohort's logo retention", cohorts);
        define("cohort_revenue_retention_shift", "points", "higher", -INF, INF,
                "newest minus oldest cohort's revenue retention", cohorts);
        define("cohort_logo_retention_largest_gain", "points", "neutral", -1, 1,
                "largest gain in logo retention from one cohort to the next", cohorts);
        define("cohort_revenue_retention_largest_gain", "points", "neutral", -INF, INF,
                "largest gain in revenue retention from one cohort to the next", cohorts);
        define("cohort_logo_retention_slope", "points", "higher", -1, 1,
                "trend of logo retention from one cohort to the next", cohorts);
        define("cohort_revenue_retention_slope", "points", "higher", -INF, INF,
                "trend of revenue retention from one cohort to the next", cohorts);
        define("revenue_logo_churn_gap", "points", "lower", -1, 1, "monthly revenue churn minus monthly logo churn",
                "revenue churn and logo churn");
        ratio("revenue_logo_churn_gap_relative", "gap between revenue and logo churn, against the smaller", "neutral", 0,
                INF, "revenue churn and logo churn");
        define("revenue_logo_churn_gap_annual", "points", "lower", -1, 1,
                "annual revenue churn minus annual logo churn, this period's rates", "revenue churn and logo churn");
        define("net_revenue_growth_gap", "points", "higher", -INF, INF,
                "net minus gross revenue growth", "revenue.gross, its deductions and history");
        ratio("mrr_bridge_gap_rate", "MRR bridge gap", "lower", 0, INF, "every component of the mrr bridge");
        ratio("stored_history_gap_rate", "gap between the history sent and the periods stored", "lower", 0, INF,
                "a history entry for a period the company stored");
        ratio("breakdown_mrr_gap_rate", "gap between the slices' MRR and the company's", "lower", 0, INF,
                "breakdowns with mrr.ending, and mrr.ending");
        ratio("period_mrr_discontinuity_rate", "gap between this period's starting MRR and the last one's ending",
                "lower", 0, INF, "mrr.starting and the previous history entry's mrr.ending");
        define("period_customer_discontinuity", "count", "lower", 0, INF,
                "gap between this period's starting customers and the last one's ending",
                "customers.starting and the previous history entry's customers.ending");
        define("customer_bridge_gap", "count", "lower", 0, INF, "customer bridge gap",
                "every component of the customer bridge");
        ratio("gross_margin", "gross margin", "higher", -INF, 1, "finance.gross_margin");
        ratio("operating_margin", "operating margin", "higher", -INF, 1,
                "finance.operating_margin");
        money("sales_marketing_spend", "sales and marketing spend", "lower", "finance.sales_marketing_spend");
        define("net_burn", "money", "lower", -INF, INF, "net burn", "finance.net_burn");
        money("cash", "cash", "higher", "finance.cash");
        reported("contribution_margin", "ratio", "higher", -INF, 1, "contribution margin");
        String spend = "finance.sales_marketing_spend";
        define("ltv_cac_ratio", "multiple", "higher", 0, INF, "LTV:CAC",
                spend + ", finance.gross_margin and the MRR and customer bridges");
        define("cac_payback_months", "months", "lower", 0, INF, "CAC payback",
                spend + ", finance.gross_margin and customers.new");
        define("rule_of_40", "score", "higher", -INF, INF, "Rule of 40",
                "finance.operating_margin and MRR growth");
        define("magic_number", "multiple", "higher", -INF, INF, "magic number",
                spend + " and the MRR bridge");
        define("burn_multiple", "multiple", "lower", -INF, INF, "burn multiple",
                "finance.net_burn and the MRR bridge");
        define("runway_months", "months", "higher", 0, INF, "runway", "finance.cash and finance.net_burn");
        reported("arr_growth_rate_yoy", "ratio", "higher", -1, INF, "ARR growth year over year");
        reported("acv", "money", "higher", 0, INF, "ACV");
        define("cac", "money", "lower", 0, INF, "CAC", spend + " and customers.new");
        define("ltv", "money", "higher", 0, INF, "LTV",
                "finance.gross_margin and the MRR and customer bridges");
    }

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
                "largest " + dimension.replace('_', ' ') + "'s share of MRR", dimension + " breakdowns"));
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

    private static void money(String code, String label, String direction, String needs) {
        define(code, "money", direction, 0, INF, label, needs);
    }

    private static void count(String code, String label, String direction, String needs) {
        define(code, "count", direction, 0, INF, label, needs);
    }

    private static void ratio(String code, String label, String direction, double min, double max, String needs) {
        define(code, "ratio", direction, min, max, label, needs);
    }

    private static void reported(String code, String unit, String direction, double min, double max, String label) {
        define(code, unit, direction, min, max, label, "metrics." + code);
    }

    private static void define(String code, String unit, String direction, double min, double max,
                               String label, String needs) {
        DEFINITIONS.put(code, new MetricDefinition(code, unit, direction, min, max, label, needs));
    }
}
