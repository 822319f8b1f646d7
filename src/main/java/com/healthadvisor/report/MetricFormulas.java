package com.healthadvisor.report;

import com.healthadvisor.catalog.MetricCatalog;

import java.util.Map;

/** How each metric is computed, in the words of metrics.md, for the report's appendix. */
final class MetricFormulas {

    private static final Map<String, String> FORMULAS = Map.ofEntries(
            Map.entry("mrr", "MRR at the end of the period"),
            Map.entry("arr", "MRR × 12"),
            Map.entry("net_new_mrr", "new + expansion + reactivation − contraction − churned MRR"),
            Map.entry("mrr_growth_rate", "(ending MRR − starting MRR) / starting MRR"),
            Map.entry("revenue_churn_rate", "churned MRR / starting MRR"),
            Map.entry("gross_revenue_churn_rate", "(churned + contraction MRR) / starting MRR"),
            Map.entry("net_revenue_churn_rate", "(churned + contraction − expansion MRR) / starting MRR"),
            Map.entry("nrr_period", "(starting + expansion − contraction − churned MRR) / starting MRR"),
            Map.entry("nrr", "NRR over the period, compounded to a year"),
            Map.entry("grr", "(1 − gross revenue churn), compounded to a year"),
            Map.entry("expansion_rate", "expansion MRR / starting MRR"),
            Map.entry("expansion_rate_annual", "expansion rate × periods per year"),
            Map.entry("expansion_share_of_new_mrr", "expansion MRR / (new + expansion MRR)"),
            Map.entry("quick_ratio", "(new + expansion MRR) / (churned + contraction MRR)"),
            Map.entry("logo_churn_rate", "customers lost / customers at the start of the period"),
            Map.entry("logo_churn_rate_annual", "1 − (1 − logo churn) ^ periods per year (compounded, not multiplied)"),
            Map.entry("logo_churn_change", "logo churn now − logo churn in the oldest period of the history"),
            Map.entry("customer_growth_rate",
                    "(ending customers − customers at the start of the window) / customers at the start of the window"),
            Map.entry("arpa", "MRR / paying accounts"),
            Map.entry("arpu", "MRR / paying users"),
            Map.entry("seats_per_account", "paying users / paying accounts"),
            Map.entry("net_revenue", "gross revenue − discounts − refunds − credits"),
            Map.entry("discount_rate", "discounts / gross revenue"),
            Map.entry("refund_rate", "refunds / gross revenue"),
            Map.entry("gross_revenue_growth_rate", "(gross revenue − last period's) / last period's"),
            Map.entry("net_revenue_growth_rate", "(net revenue − last period's) / last period's"),
            Map.entry("arpu_growth_rate", "(ARPU − last period's) / last period's"),
            Map.entry("arpa_growth_rate", "(ARPA − ARPA at the start of the window) / ARPA at the start of the window"),
            Map.entry("top_customer_share", "the largest customer's MRR / MRR"),
            Map.entry("top_customer_mrr", "the largest customer's MRR"),
            Map.entry("top10_customer_share", "the ten largest customers' MRR / MRR"),
            Map.entry("customer_hhi", "sum of each customer's squared share of MRR"),
            Map.entry("mrr_share", "the slice's MRR / company MRR"),
            Map.entry("revenue_logo_churn_gap", "revenue churn − logo churn"),
            Map.entry("net_revenue_growth_gap", "net revenue growth − gross revenue growth"),
            Map.entry("mrr_bridge_gap_rate", "|starting + movements − ending MRR| / starting MRR"),
            Map.entry("stored_history_gap_rate", "|sent − stored| / the larger, over the numbers both give for a period"),
            Map.entry("customer_bridge_gap", "|starting + new + reactivated − churned − ending customers|"),
            Map.entry("cohort_logo_retention_shift",
                    "newest − oldest cohort's logo retention, at the latest age at least 3 cohorts reached"),
            Map.entry("cohort_revenue_retention_shift",
                    "newest − oldest cohort's revenue retention, at the latest age at least 3 cohorts reached"),
            Map.entry("cohort_logo_retention_largest_gain", "the largest rise in logo retention from one cohort to the next"),
            Map.entry("cohort_revenue_retention_largest_gain",
                    "the largest rise in revenue retention from one cohort to the next"),
            Map.entry("rule_of_40", "growth over a year % + operating margin %"),
            Map.entry("cac", "sales and marketing spend / new customers"),
            Map.entry("cac_payback_months", "CAC / (ARPA × gross margin), in months"),
            Map.entry("ltv", "ARPA × gross margin / monthly logo churn"),
            Map.entry("ltv_cac_ratio", "LTV / CAC"),
            Map.entry("magic_number", "net new MRR × 12 / sales and marketing spend of the period"),
            Map.entry("burn_multiple", "net burn / net new ARR of the same period"),
            Map.entry("runway_months", "cash / monthly net burn"),
            Map.entry("gross_margin", "as given in the finance section, or as reported"),
            Map.entry("operating_margin", "as given in the finance section, or as reported"),
            Map.entry("sales_marketing_spend", "as given in the finance section"),
            Map.entry("net_burn", "as given in the finance section"),
            Map.entry("cash", "as given in the finance section"),
            Map.entry("acquired_mrr", "MRR of companies acquired in the period"),
            Map.entry("acquired_customers", "customers that came with an acquisition in the period"),
            Map.entry("organic_mrr_growth_rate", "(ending − acquired − starting MRR) / starting MRR"),
            Map.entry("acquired_share_of_growth", "acquired MRR / (ending − starting MRR)"));

    private MetricFormulas() {
    }

    static String of(String code) {
        if (FORMULAS.containsKey(code)) {
            return FORMULAS.get(code);
        }
        if (code.startsWith("largest_") && code.endsWith("_share")) {
            return "the largest slice's MRR / company MRR";
        }
        String needs = MetricCatalog.find(code).map(m -> m.needs()).orElse("");
        return needs.startsWith("metrics.") ? "as reported" : "from " + needs;
    }
}
