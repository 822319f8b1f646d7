package com.healthadvisor.snapshot;

import java.util.Locale;

/** The length of the period that a snapshot's flows cover. */
public enum Periodicity {
    MONTHLY(12), QUARTERLY(4), ANNUAL(1);

    private final int periodsPerYear;
    /** Lower case once: banding asks for it for every metric of every diagnosis. */
    private final String word;

    Periodicity(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
        this.word = name().toLowerCase(Locale.ROOT);
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }

    public String word() {
        return word;
    }
}
