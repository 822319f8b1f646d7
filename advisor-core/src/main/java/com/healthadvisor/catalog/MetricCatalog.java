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
 * Every metric code, looked up: the rows of the {@link MetricTable}, the {@code largest_<dimension>_share} family
 * (one code per breakdown dimension a snapshot names), and the lists of codes that reports and rules treat alike.
 */
public final class MetricCatalog {

    private static final Pattern LARGEST_SHARE = Pattern.compile("largest_([a-z][a-z0-9_]*)_share");
    private static final Map<String, MetricDefinition> DEFINITIONS = new LinkedHashMap<>();

    static {
        for (MetricDefinition row : MetricTable.rows()) {
            if (DEFINITIONS.put(row.code(), row) != null) {
                throw new IllegalStateException("metric code '" + row.code() + "' is in the metric table twice");
            }
        }
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

    private static final List<MetricDefinition> FROM_THE_PERIOD = DEFINITIONS.values().stream()
            .filter(MetricDefinition::computedFromThePeriod).toList();

    private MetricCatalog() {
    }

    /** The rows computed from one period, in the table's order: each reads only rows before it. */
    public static List<MetricDefinition> computedFromThePeriod() {
        return FROM_THE_PERIOD;
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
        return Optional.of(new MetricDefinition(code, Unit.RATIO, Direction.LOWER, 0, 1,
                "largest " + dimension.replace('_', ' ') + "'s share of MRR", dimension + " breakdowns",
                "the largest slice's MRR / company MRR", null));
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
}
