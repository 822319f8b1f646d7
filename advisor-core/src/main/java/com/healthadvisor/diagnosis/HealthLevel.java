package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Severity;

import java.util.Locale;

/**
 * The overall health verdict, worst first, as the result writes it ({@code critical}, ...): judgment.md's order,
 * with {@code insufficient_data} apart, when too little could be judged to say anything (P11).
 */
public enum HealthLevel {
    CRITICAL, CONCERNING, MODERATE, HEALTHY, INSUFFICIENT_DATA;

    private final String word = name().toLowerCase(Locale.ROOT);

    public String word() {
        return word;
    }

    /** The health one finding of this severity would mean on its own: critical, concerning, moderate, or healthy. */
    static HealthLevel of(Severity severity) {
        return switch (severity) {
            case CRITICAL -> CRITICAL;
            case HIGH -> CONCERNING;
            case MEDIUM -> MODERATE;
            default -> HEALTHY;
        };
    }

    /** Whether this verdict is milder than {@code other}; neither is when either is insufficient data. */
    boolean isMilderThan(HealthLevel other) {
        return this != INSUFFICIENT_DATA && other != INSUFFICIENT_DATA && ordinal() > other.ordinal();
    }
}
