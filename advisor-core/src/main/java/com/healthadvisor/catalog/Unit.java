package com.healthadvisor.catalog;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a metric's value measures. Facts and results carry the unit's word ({@code "ratio"}), since rule files
 * compare it as text ({@code Discrepancy(unit in ("ratio", "points"))}) and it is public API.
 */
public enum Unit {
    /** An amount in the snapshot's currency. */
    MONEY("money"),
    /** A fraction: 0.06 is 6%. */
    RATIO("ratio"),
    /** A difference of two ratios: 0.02 is 2 points. */
    POINTS("points"),
    COUNT("count"),
    MONTHS("months"),
    /** One amount over another: 1.5 is 1.5×. */
    MULTIPLE("multiple"),
    /** A score in points out of 100 (Rule of 40). */
    SCORE("score");

    private static final Map<String, Unit> BY_WORD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Unit::word, Function.identity()));

    private final String word;

    Unit(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Whether values are written as percentages and compared in points (a tolerance of 0.01 is one point). */
    public boolean isPercent() {
        return this == RATIO || this == POINTS;
    }

    /** The unit a fact's word names; null for a word that names none (a fact built by a rule file). */
    public static Unit of(String word) {
        return word == null ? null : BY_WORD.get(word);
    }

    @Override
    public String toString() {
        return word;
    }
}
