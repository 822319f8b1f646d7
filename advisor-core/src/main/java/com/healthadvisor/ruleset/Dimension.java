package com.healthadvisor.ruleset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a diagnosis is about, in the order results and reports list dimensions. Wording files name a code's
 * dimension by its word ({@code dimension: retention}); results write the word.
 */
public enum Dimension {
    GROWTH, RETENTION, EXPANSION, MONETIZATION, REVENUE_QUALITY, CONCENTRATION, UNIT_ECONOMICS, EFFICIENCY,
    DATA_QUALITY, TARGETS;

    /** Every dimension's word, in order. */
    public static final List<String> WORDS = Arrays.stream(values()).map(Dimension::word).toList();

    private final String word = name().toLowerCase(Locale.ROOT);

    public String word() {
        return word;
    }

    /** The dimension a word names; null for none. */
    public static Dimension of(String word) {
        for (Dimension dimension : values()) {
            if (dimension.word.equals(word)) {
                return dimension;
            }
        }
        return null;
    }

    /**
     * Whether findings of this dimension say something of the business's health: the quality of the data sent and
     * the company's own targets do not, so judging them alone is no verdict (judgment.md P11).
     */
    public boolean judgesTheBusiness() {
        return this != DATA_QUALITY && this != TARGETS;
    }

    /** Whether this dimension's critical findings come before scaling advice (judgment.md P15). */
    public boolean outranksScaling() {
        return this == RETENTION || this == CONCENTRATION;
    }
}
