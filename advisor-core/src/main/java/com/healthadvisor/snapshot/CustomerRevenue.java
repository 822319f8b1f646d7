package com.healthadvisor.snapshot;

/** Current MRR of one customer, for concentration. */
public record CustomerRevenue(String customer, double mrr) {
}
