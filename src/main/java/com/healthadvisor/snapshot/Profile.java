package com.healthadvisor.snapshot;

/** Who the company is, to choose benchmarks: stage, market and go-to-market model (each may be null). */
public record Profile(String stage, String market, String model) {

    public static final Profile NONE = new Profile(null, null, null);
}
