package com.healthadvisor.snapshot;

import java.util.List;
import java.util.Map;

/**
 * One company (or business unit) for one period, as contract.md section 1 describes it.
 * Every section but {@code period} may be absent; absent sections are null or empty.
 */
public record Snapshot(String company, String period, Periodicity periodicity, String currency, Profile profile,
                       Figures figures, Map<String, Double> targets, List<Figures> history,
                       List<Cohort> cohorts, List<Breakdown> breakdowns, List<CustomerRevenue> customerRevenue) {

    public Snapshot {
        targets = Ordered.copyOf(targets);
        history = List.copyOf(history);
        cohorts = List.copyOf(cohorts);
        breakdowns = List.copyOf(breakdowns);
        customerRevenue = List.copyOf(customerRevenue);
    }

    /** The same snapshot with another history (a stored company's earlier periods). */
    public Snapshot withHistory(List<Figures> earlier) {
        return new Snapshot(company, period, periodicity, currency, profile, figures, targets, earlier, cohorts,
                breakdowns, customerRevenue);
    }
}
