package com.healthadvisor.snapshot;

import java.util.List;

/**
 * One acquisition cohort: the share of its customers (and of their revenue) retained k periods after
 * acquisition, index 0 being the acquisition period itself.
 */
public record Cohort(String cohort, Double customers, List<Double> logoRetention, List<Double> revenueRetention) {

    public Cohort {
        logoRetention = List.copyOf(logoRetention);
        revenueRetention = List.copyOf(revenueRetention);
    }
}
