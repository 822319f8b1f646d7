package com.healthadvisor.imports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** A billing interval, and what one of them is worth in months (docs/imports.md, "A month's worth"). */
enum Interval {
    DAY(365, 12),
    WEEK(52, 12),
    MONTH(1, 1),
    YEAR(1, 12);

    /** How many of this interval a month holds, as a fraction: 365 / 12 days, 52 / 12 weeks, 1 month, 1 / 12 year. */
    private final BigDecimal numerator;
    private final long denominator;

    Interval(long numerator, long denominator) {
        this.numerator = BigDecimal.valueOf(numerator);
        this.denominator = denominator;
    }

    /**
     * An amount billed every {@code count} intervals, as a month's worth: one division, so that a month's worth that
     * ends in half a cent is exactly that, and rounds as it should.
     */
    BigDecimal monthly(BigDecimal amount, int count) {
        return amount.multiply(numerator).divide(BigDecimal.valueOf(denominator * count), MathContext.DECIMAL128);
    }
    /** The interval a word names ({@code month}, {@code months}, {@code Monthly} ...), or null. */
    static Interval of(String word) {
        if (word == null) {
            return null;
        }
        String lower = word.trim().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "day", "days", "daily" -> DAY;
            case "week", "weeks", "weekly" -> WEEK;
            case "month", "months", "monthly" -> MONTH;
            case "year", "years", "yearly", "annual", "annually" -> YEAR;
            default -> null;
        };
    }
}
