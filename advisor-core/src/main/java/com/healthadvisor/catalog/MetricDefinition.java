package com.healthadvisor.catalog;

/**
 * What the advisor knows about one metric code: one row of the metric table.
 *
 * @param unit      what the value measures
 * @param direction which way is better, for targets and for telling a move better or worse
 * @param min       the lowest possible value (a reported value below it is refused)
 * @param max       the highest possible value
 * @param label     the metric's name in words, for reports
 * @param needs     which inputs it is computed from, for "not assessed" reasons
 * @param formula   how it is computed, in the words of metrics.md, for the report's appendix and the schema
 * @param compute   the function computing it from one period of one scope; null for a metric that only exists
 *                  over history, across cohorts or slices, or as reported (the words say which)
 */
public record MetricDefinition(String code, Unit unit, Direction direction, double min, double max,
                               String label, String needs, String formula, Formula compute) {

    public boolean lowerIsBetter() {
        return direction == Direction.LOWER;
    }

    /** Whether an actual value meets a target: at or below it when lower is better, else at or above it. */
    public boolean meets(double actual, double target) {
        return lowerIsBetter() ? actual <= target : actual >= target;
    }

    public boolean reportedOnly() {
        return needs.startsWith("metrics.");
    }

    /** Whether the table computes it from one period: else the calculator builds it from more than one. */
    public boolean computedFromThePeriod() {
        return compute != null;
    }
}
