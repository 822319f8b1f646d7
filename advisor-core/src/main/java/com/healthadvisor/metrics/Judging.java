package com.healthadvisor.metrics;

import com.healthadvisor.catalog.Unit;

/**
 * The rule set's limits that shape the metric facts themselves, before any rule reads them.
 *
 * @param minCohortCustomers cohorts with fewer customers are left out of comparisons across cohorts
 * @param conflictPoints     a reported ratio further than this from the computed one is a conflict
 * @param conflictRelative   a reported amount, count or multiple further than this share from the computed one is
 *                           a conflict
 * @param maxRunRateGrowth   a year's growth projected from fewer than 3 months is capped here (judgment.md P12): one
 *                           month compounded over a year says little, and an acquisition month said "836%"
 */
public record Judging(double minCohortCustomers, double conflictPoints, double conflictRelative,
                      double maxRunRateGrowth) {

    /** The limits of the default rules, for callers without a rule set. */
    public static final Judging DEFAULT = new Judging(10, 0.01, 0.01, 2.0);

    /** How far a reported value is from the computed one: in points for ratios, relative otherwise. */
    static double gap(Unit unit, double reported, double computed) {
        if (unit.isPercent()) {
            return Math.abs(reported - computed);
        }
        if (computed == 0) {
            return reported == 0 ? 0 : Double.MAX_VALUE;
        }
        return Math.abs(reported - computed) / Math.abs(computed);
    }

    /**
     * Whether a reported value and the one computed from the raw sections disagree (judgment.md P7): then
     * judgment uses the computed one, and the conflict is a finding of its own.
     */
    boolean conflict(Unit unit, double reported, double computed) {
        double tolerance = unit.isPercent() ? conflictPoints : conflictRelative;
        return gap(unit, reported, computed) > tolerance;
    }
}
