package com.healthadvisor.facts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How bad a finding is, most severe first: the one order of severities, by which diagnoses are ranked, a
 * dimension's status is its worst, and a change between two periods is worse or better. Rules and results write
 * a severity as its word ({@code "critical"}); code compares the constants.
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO, POSITIVE;

    /** Every severity's word, most severe first. */
    public static final List<String> WORDS = Arrays.stream(values()).map(Severity::word).toList();
    /** Looked up for every finding a rule makes and every diagnosis ranked: an array, not a search. */
    private static final Severity[] VALUES = values();

    private final String word = name().toLowerCase(Locale.ROOT);

    /** As rules, results and reports write it: {@code critical}, {@code high}, ... */
    public String word() {
        return word;
    }

    /** The severity a word names; null for none (a finding that is gone, a word that is no severity). */
    public static Severity of(String word) {
        if (word == null) {
            return null;
        }
        for (Severity severity : VALUES) {
            if (severity.word.equals(word)) {
                return severity;
            }
        }
        return null;
    }

    /** Whether this is worse than {@code other}; anything is worse than nothing. */
    public boolean isWorseThan(Severity other) {
        return other == null || ordinal() < other.ordinal();
    }

    /** A problem to act on (low or worse), rather than information or a strength. */
    public boolean isProblem() {
        return ordinal() <= LOW.ordinal();
    }
}
