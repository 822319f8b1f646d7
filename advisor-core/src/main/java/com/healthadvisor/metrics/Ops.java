package com.healthadvisor.metrics;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Arithmetic over possibly absent inputs: any absent input, or a zero denominator, gives an absent
 * result (null), never 0 or NaN.
 */
final class Ops {

    /** Twelve significant digits: enough for money, and 0.1 computed stays equal to 0.1 written in a band. */
    private static final int SIGNIFICANT_DIGITS = 12;
    private static final MathContext PRECISION = new MathContext(SIGNIFICANT_DIGITS);
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

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
        double v = value;
        if (v == 0 || v == Math.rint(v) && Math.abs(v) < 1e12) {
            return v;
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        int decimals = SIGNIFICANT_DIGITS - 1 - exponent;
        if (decimals < 0 || decimals >= POWERS.length) {
            return BigDecimal.valueOf(v).round(PRECISION).doubleValue();
        }
        // Scaling by an exact power of ten and rounding keeps this to a few nanoseconds.
        double scale = POWERS[decimals];
        return Math.rint(v * scale) / scale;
    }
}
