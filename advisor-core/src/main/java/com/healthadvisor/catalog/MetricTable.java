package com.healthadvisor.catalog;

import java.util.ArrayList;
import java.util.List;

import static com.healthadvisor.catalog.Unit.MONEY;
import static com.healthadvisor.catalog.Unit.RATIO;

/**
 * The metric table: every metric code of metrics.md (plus the few this advisor adds for trends and gaps), one row
 * each, with its unit, direction, range, name, inputs, formula in words and the function that computes it from one
 * period. The catalog, the snapshot schema's list of metrics and the reference table of docs/metrics.md are made
 * from it. Codes are public API: add, never rename.
 *
 * <p>A period's metrics are computed in the table's order, so a formula reads only rows above it (the calculator
 * refuses anything else). Rows without a function are built over history, across cohorts or slices, or are only
 * ever reported; their words say how, and the calculator's classes named there hold the one implementation.
 */
final class MetricTable {

    private static final double INF = Double.POSITIVE_INFINITY;

    private final List<MetricDefinition> rows = new ArrayList<>();

    private MetricTable() {
    }

    static List<MetricDefinition> rows() {
        MetricTable table = new MetricTable();
        MetricRows.mrrBridge(table);
        MetricRows.customerBridge(table);
        MetricRows.revenue(table);
        MoreMetricRows.finance(table);
        MoreMetricRows.overTheWindow(table);
        MoreMetricRows.againstHistory(table);
        MoreMetricRows.concentration(table);
        MoreMetricRows.cohorts(table);
        MoreMetricRows.dataQuality(table);
        MoreMetricRows.reportedOnly(table);
        return List.copyOf(table.rows);
    }

    /** A field of the snapshot taken as it is: money or a count, never below zero. */
    void input(String code, Unit unit, Direction direction, String label, String path, String words) {
        row(code, unit, direction, 0, INF, label, path, words, v -> v.input(path));
    }

    void money(String code, String label, Direction direction, String needs, String words, Formula compute) {
        row(code, MONEY, direction, 0, INF, label, needs, words, compute);
    }

    void ratio(String code, String label, Direction direction, double min, double max, String needs, String words,
               Formula compute) {
        row(code, RATIO, direction, min, max, label, needs, words, compute);
    }

    /** A metric only a snapshot's {@code metrics} section can give. */
    void reported(String code, Unit unit, Direction direction, double min, double max, String label) {
        row(code, unit, direction, min, max, label, "metrics." + code, "as reported", null);
    }

    void row(String code, Unit unit, Direction direction, double min, double max, String label, String needs,
             String words, Formula compute) {
        rows.add(new MetricDefinition(code, unit, direction, min, max, label, needs, words, compute));
    }
}
