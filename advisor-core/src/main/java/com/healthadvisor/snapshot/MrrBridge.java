package com.healthadvisor.snapshot;

/**
 * The MRR bridge of a period, in the snapshot currency per month; any component may be absent (null).
 *
 * @param acquired the MRR of companies acquired in the period: in the ending MRR, never in new MRR or organic growth
 * @param fx       the change in MRR that exchange rates caused, for a company converting other currencies at each
 *                 month's rate: in the ending MRR, never expansion or contraction (may be negative)
 */
public record MrrBridge(Double starting, Double newMrr, Double expansion, Double reactivation,
                        Double contraction, Double churned, Double ending, Double acquired, Double fx) {

    public MrrBridge(Double starting, Double newMrr, Double expansion, Double reactivation, Double contraction,
                     Double churned, Double ending) {
        this(starting, newMrr, expansion, reactivation, contraction, churned, ending, null, null);
    }

    public MrrBridge(Double starting, Double newMrr, Double expansion, Double reactivation, Double contraction,
                     Double churned, Double ending, Double acquired) {
        this(starting, newMrr, expansion, reactivation, contraction, churned, ending, acquired, null);
    }
}
