package com.healthadvisor.metrics;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Arithmetic over possibly absent inputs: any absent input, or a zero denominator, gives an absent
 * result (null), never 0 or NaN.
 */
final class Ops {

    /** Twelve significant digits: enough for money, and 0.1 computed stays equal to 0.1 written in a band. */
    private static final MathContext PRECISION = new MathContext(12);

    private Ops() {
    }

    static Double add(Double... terms) {
        double sum = 0;
        for (Double term : terms) {
            if (term == null) {
                return null;
            }
            sum += term;
        }
        return sum;
    }

    static Double sub(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    static Double neg(Double a) {
        return a == null ? null : -a;
    }

    static Double mul(Double a, double factor) {
        return a == null ? null : a * factor;
    }

    static Double div(Double numerator, Double denominator) {
        if (numerator == null || denominator == null || denominator == 0) {
            return null;
        }
        return numerator / denominator;
    }

    static Double pow(Double base, int exponent) {
        return base == null ? null : Math.pow(base, exponent);
    }

    static Double orZero(Double value) {
        return value == null ? 0.0 : value;
    }

    static Double round(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return null;
        }
        return new BigDecimal(value).round(PRECISION).doubleValue();
    }
}
