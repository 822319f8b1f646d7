package com.healthadvisor.catalog;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Arithmetic over possibly absent inputs: any absent input, or a zero denominator, gives an absent
 * result (null), never 0 or NaN. The vocabulary of the metric table's formulas.
 */
public final class Ops {

    /** Twelve significant digits: enough for money, and 0.1 computed stays equal to 0.1 written in a band. */
    private static final int SIGNIFICANT_DIGITS = 12;
    private static final MathContext PRECISION = new MathContext(SIGNIFICANT_DIGITS);
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private Ops() {
    }

    public static Double add(Double... terms) {
        double sum = 0;
        for (Double term : terms) {
            if (term == null) {
                return null;
            }
            sum += term;
        }
        return sum;
    }

    public static Double sub(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    public static Double neg(Double a) {
        return a == null ? null : -a;
    }

    public static Double mul(Double a, double factor) {
        return a == null ? null : a * factor;
    }

    public static Double div(Double numerator, Double denominator) {
        if (numerator == null || denominator == null || denominator == 0) {
            return null;
        }
        return numerator / denominator;
    }

    public static Double pow(Double base, int exponent) {
        return base == null ? null : Math.pow(base, exponent);
    }

    public static Double orZero(Double value) {
        return value == null ? 0.0 : value;
    }

    public static Double round(Double value) {
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
    public static Double abs(Double value) {
        return value == null ? null : Math.abs(value);
    }

    public static Double times(Double a, Double b) {
        return a == null || b == null ? null : a * b;
    }

    /** The value unless it is below zero: a burn multiple of a shrinking ARR describes nothing (judgment.md P17). */
    public static Double nonNegative(Double value) {
        return value == null || value < 0 ? null : value;
    }

    /** |a - b| over the smaller of a and b; against a zero rate, the whole of the other (1.0); null when unknown. */
    public static Double relativeGap(Double a, Double b) {
        if (a == null || b == null) {
            return null;
        }
        double smaller = Math.min(a, b);
        if (smaller <= 0) {
            return a.equals(b) ? 0.0 : 1.0;
        }
        return Math.abs(a - b) / smaller;
    }

    /** The annual equivalent of a rate over one period: 1 - (1 - r)^(periods a year). */
    public static Double annual(Double rate, int periodsPerYear) {
        return rate == null ? null : 1 - Math.pow(1 - rate, periodsPerYear);
    }

    /** The monthly equivalent of a rate over one period: 1 - (1 - r)^(1/months); the rate itself when monthly. */
    public static Double monthly(Double rate, int periodsPerYear) {
        if (rate == null) {
            return null;
        }
        return periodsPerYear == 12 ? rate : 1 - Math.pow(1 - rate, periodsPerYear / 12.0);
    }
}
