package com.healthadvisor.snapshot;

/**
 * The MRR bridge of a period, in the snapshot currency per month; any component may be absent (null).
 *
 * @param acquired the MRR of companies acquired in the period: in the ending MRR, never in new MRR or organic growth
 */
public record MrrBridge(Double starting, Double newMrr, Double expansion, Double reactivation,
                        Double contraction, Double churned, Double ending, Double acquired) {

    public MrrBridge(Double starting, Double newMrr, Double expansion, Double reactivation, Double contraction,
                     Double churned, Double ending) {
        this(starting, newMrr, expansion, reactivation, contraction, churned, ending, null);
    }
}
