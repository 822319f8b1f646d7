package com.healthadvisor.facts;

/** A number with its unit, for values a rule computes on its right-hand side (formatted like metrics). */
public record Quantity(double value, String unit) {
}
