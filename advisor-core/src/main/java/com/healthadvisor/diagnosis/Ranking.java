package com.healthadvisor.diagnosis;

import com.healthadvisor.Diagnosis;
import com.healthadvisor.facts.Severity;
import com.healthadvisor.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders diagnoses so that rank 1 is the one to act on first: codes worded {@code rank: first}, then
 * severity, then annual revenue at stake (unknown last), then the rule's place in the rule set.
 */
final class Ranking {

    /** A diagnosis with what it is ordered by, worked out once rather than in every comparison. */
    private record Keyed(Diagnosis diagnosis, boolean notFirst, int severity, int ruleOrder) {
    }

    /** Unknown impact last. */
    private static final Comparator<Double> LARGER_IMPACT_FIRST = Comparator.nullsLast(Comparator.reverseOrder());

    private Ranking() {
    }

    /** Writes each merged finding and ranks the diagnoses. */
    static List<Diagnosis> rank(List<FindingMerger.Merged> findings, DiagnosisWriter writer, RuleSet ruleSet) {
        List<Keyed> sorted = new ArrayList<>(findings.size());
        for (FindingMerger.Merged merged : findings) {
            Diagnosis d = writer.write(merged);
            sorted.add(new Keyed(d, !ruleSet.wording().get(d.code()).rankFirst(),
                    Severity.of(d.severity()).ordinal(), merged.rule().order()));
        }
        sorted.sort(Ranking::compare);
        List<Diagnosis> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ranked.add(sorted.get(i).diagnosis().ranked(i + 1));
        }
        return ranked;
    }

    private static int compare(Keyed a, Keyed b) {
        if (a.notFirst() != b.notFirst()) {
            return a.notFirst() ? 1 : -1;
        }
        if (a.severity() != b.severity()) {
            return Integer.compare(a.severity(), b.severity());
        }
        int impact = LARGER_IMPACT_FIRST.compare(a.diagnosis().impact(), b.diagnosis().impact());
        if (impact != 0) {
            return impact;
        }
        if (a.ruleOrder() != b.ruleOrder()) {
            return Integer.compare(a.ruleOrder(), b.ruleOrder());
        }
        int scope = a.diagnosis().scope().compareTo(b.diagnosis().scope());
        if (scope != 0) {
            return scope;
        }
        // Last, so that two findings of one rule and scope (targets of two metrics) keep one order whatever fired first.
        int code = a.diagnosis().code().compareTo(b.diagnosis().code());
        return code != 0 ? code : a.diagnosis().explanation().compareTo(b.diagnosis().explanation());
    }
}
