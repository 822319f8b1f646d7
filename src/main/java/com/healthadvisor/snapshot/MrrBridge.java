package com.healthadvisor.snapshot;

/** The MRR bridge of a period, in the snapshot currency per month; any component may be absent (null). */
public record MrrBridge(Double starting, Double newMrr, Double expansion, Double reactivation,
                        Double contraction, Double churned, Double ending) {
}
