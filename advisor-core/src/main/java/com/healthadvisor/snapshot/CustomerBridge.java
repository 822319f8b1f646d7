package com.healthadvisor.snapshot;

/**
 * Paying accounts (logos) over a period; any component may be absent (null).
 *
 * @param acquired customers that came with an acquisition in the period: in the ending count, never in new customers
 */
public record CustomerBridge(Double starting, Double newCustomers, Double reactivated, Double churned, Double ending,
                             Double acquired) {

    public CustomerBridge(Double starting, Double newCustomers, Double reactivated, Double churned, Double ending) {
        this(starting, newCustomers, reactivated, churned, ending, null);
    }
}
