package com.healthadvisor.snapshot;

/** One slice of the business (a product, a market, a plan...) with its own sections. */
public record Breakdown(String dimension, String name, Figures figures) {

    public String scope() {
        return dimension + ":" + name;
    }
}
