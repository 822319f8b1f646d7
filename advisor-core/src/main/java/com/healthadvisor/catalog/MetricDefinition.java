package com.healthadvisor.catalog;

/**
 * What the advisor knows about one metric code.
 *
 * @param direction which way is better, for targets: {@code higher}, {@code lower} or {@code neutral}
 * @param min       the lowest possible value (a reported value below it is refused)
 * @param max       the highest possible value
 * @param label     the metric's name in words, for reports
 * @param needs     which inputs it is computed from, for "not assessed" reasons
 * @param formula   how it is computed, in the words of metrics.md, for the report's appendix and the schema
 */
public record MetricDefinition(String code, String unit, String direction, double min, double max,
                               String label, String needs, String formula) {

    public boolean lowerIsBetter() {
        return "lower".equals(direction);
    }

    /** Whether an actual value meets a target: at or below it when lower is better, else at or above it. */
    public boolean meets(double actual, double target) {
        return lowerIsBetter() ? actual <= target : actual >= target;
    }

    public boolean reportedOnly() {
        return needs.startsWith("metrics.");
    }
}
