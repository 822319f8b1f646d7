package com.healthadvisor.snapshot;

/** Paying accounts (logos) over a period; any component may be absent (null). */
public record CustomerBridge(Double starting, Double newCustomers, Double reactivated, Double churned, Double ending) {
}
