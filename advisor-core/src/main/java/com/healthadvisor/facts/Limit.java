package com.healthadvisor.facts;

/** A named threshold from {@code rules/limits.csv}, for conditions that compare two metrics. */
public record Limit(String name, double value) {
}
