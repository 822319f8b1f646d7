package com.healthadvisor.facts;

/**
 * A reported metric next to the value computed from the raw sections of the same snapshot.
 *
 * @param gap the difference: in points for ratios, relative to the computed value otherwise
 */
public record Discrepancy(String code, String scope, String unit, Metric reported, double computed, double gap) {

    public Quantity computedQuantity() {
        return new Quantity(computed, unit);
    }
}
