package com.healthadvisor.snapshot;

import java.util.Locale;

/** The length of the period that a snapshot's flows cover. */
public enum Periodicity {
    MONTHLY(12), QUARTERLY(4), ANNUAL(1);

    private final int periodsPerYear;

    Periodicity(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
