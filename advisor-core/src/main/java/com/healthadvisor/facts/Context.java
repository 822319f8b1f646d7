package com.healthadvisor.facts;

/**
 * What the snapshot says about itself: who, when, and which benchmarks apply.
 *
 * @param stage  {@code early}, {@code growth} or {@code scale}: from the profile, else derived from ARR; may be null
 * @param market {@code smb}, {@code mid_market}, {@code enterprise}, {@code mixed}, or null
 */
public record Context(String company, String period, String periodicity, int periodsPerYear,
                      String stage, String market, String model) {
}
