package com.healthadvisor.catalog;

/**
 * How a metric is computed from one period of one scope (the company, or one slice of a breakdown): from the
 * snapshot's fields and the other metrics of that scope. Metrics judged over a trailing window, against history,
 * across cohorts or across slices start here where they can and are then widened by the calculator (see each
 * definition's words).
 */
@FunctionalInterface
public interface Formula {

    /** The value, or null when an input is missing or a denominator is zero: never 0 or NaN in their place. */
    Double of(Values values);

    /** What a formula reads. */
    interface Values {

        /** Another metric of the same scope, computed before this one in the table (or reported); null if absent. */
        Double get(String code);

        /** A field of the snapshot's period, by its path ({@code mrr.starting}); null if absent. */
        Double input(String path);

        /** Periods in a year: 12 for months, 4 for quarters, 1 for years. */
        int periodsPerYear();
    }
}
