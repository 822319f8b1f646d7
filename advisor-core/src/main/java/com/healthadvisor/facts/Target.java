package com.healthadvisor.facts;

/**
 * A goal from the snapshot's {@code targets}, checked against the company-level metric.
 *
 * @param met true when the actual value is on the right side of the target (or on it), the side
 *            being given by the metric: churn lower is better, NRR higher is better
 */
public record Target(String code, double target, Metric actual, boolean met) {

    public Quantity targetQuantity() {
        return new Quantity(target, actual.unit());
    }
}
