package com.healthadvisor.catalog;

/** Which way a metric is better: what a target means, and whether a move is better or worse. */
public enum Direction {
    HIGHER("higher"),
    LOWER("lower"),
    /** Neither way is better in itself (starting MRR, a slice's share): moves are told, not judged. */
    NEUTRAL("neutral");

    private final String word;

    Direction(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }
}
