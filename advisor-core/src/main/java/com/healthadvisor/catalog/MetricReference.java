package com.healthadvisor.catalog;

import java.util.Locale;

/**
 * The metric table as the reference table at the end of docs/metrics.md: code, name, unit, which way is
 * better, the values it can take, what it needs and its formula in words, one row per metric. Written from the
 * table, so that the document and the code cannot say two things (MetricReferenceTest keeps the file in step).
 */
public final class MetricReference {

    /** Where the generated table starts and ends in the document. */
    public static final String BEGIN = "<!-- Generated from the metric table (catalog/MetricRows, MoreMetricRows) by "
            + "MetricReferenceTest: edit the table, not this. -->";
    public static final String END = "<!-- End of the generated table. -->";

    private MetricReference() {
    }

    /** The table with its markers, as Markdown. */
    public static String markdown() {
        StringBuilder table = new StringBuilder(BEGIN).append("\n\n")
                .append("| code | name | unit | better | range | needs | formula |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (MetricDefinition metric : MetricCatalog.all()) {
            table.append("| `").append(metric.code()).append("` | ").append(cell(metric.label())).append(" | ")
                    .append(metric.unit()).append(" | ").append(metric.direction()).append(" | ")
                    .append(range(metric)).append(" | ").append(cell(metric.needs())).append(" | ")
                    .append(cell(metric.formula())).append(" |\n");
        }
        return table.append('\n').append(END).toString();
    }

    private static String range(MetricDefinition metric) {
        return bound(metric.min()) + " to " + bound(metric.max());
    }

    private static String bound(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    /** A table cell: a pipe would end it. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
