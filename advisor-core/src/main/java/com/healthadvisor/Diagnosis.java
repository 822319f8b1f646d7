package com.healthadvisor;


import java.util.List;

/**
 * One ranked diagnosis of the result (contract.md section 2).
 *
 * @param impact the money the finding is about, a year, in the snapshot currency, or null when the rule cannot tell;
 *               never above the annual revenue of its scope
 * @param impactKind {@code at_stake_per_year} or {@code exposure} (judgment.md P9); null without an impact
 * @param rule   the rule that concluded it, as {@code <file>/<rule name>}
 * @param runRateMonths when the finding stands on a yearly figure computed from this few months (a run rate,
 *               capped at medium), the months; null otherwise
 */
public record Diagnosis(int rank, String code, String severity, String dimension, String scope, String title,
                        String explanation, List<Evidence> evidence, List<Action> actions, Double impact,
                        String impactKind, String rule, Integer runRateMonths) {

    /** The same diagnosis at another place in the ranking. */
    public Diagnosis ranked(int newRank) {
        return new Diagnosis(newRank, code, severity, dimension, scope, title, explanation, evidence, actions,
                impact, impactKind, rule, runRateMonths);
    }
}
