package com.healthadvisor.snapshot;

/**
 * The customers who paid twelve months before the end of the period, followed to today: what makes NRR and GRR
 * cohort-exact over a trailing year (judgment.md, metric changes) instead of chained from period bridges.
 *
 * @param mrrThen      their MRR twelve months ago
 * @param mrrNow       their MRR today (0 for those who left)
 * @param mrrNowCapped their MRR today with each customer counted at most at what they paid then, for GRR; null
 *                     when not known
 */
public record YearAgoCustomers(Double mrrThen, Double mrrNow, Double mrrNowCapped) {
}
