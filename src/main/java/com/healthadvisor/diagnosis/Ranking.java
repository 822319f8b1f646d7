package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Finding;
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

    private static final Comparator<Keyed> ORDER = Comparator.comparing(Keyed::notFirst)
            .thenComparingInt(Keyed::severity)
            .thenComparing(k -> k.diagnosis().impact(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingInt(Keyed::ruleOrder)
            .thenComparing(k -> k.diagnosis().scope());

    private Ranking() {
    }

    static List<Diagnosis> rank(List<Diagnosis> diagnoses, RuleSet ruleSet) {
        List<Keyed> sorted = new ArrayList<>(diagnoses.size());
        for (Diagnosis d : diagnoses) {
            sorted.add(new Keyed(d, !ruleSet.wording().get(d.code()).rankFirst(),
                    Finding.SEVERITIES.indexOf(d.severity()), ruleOrder(d, ruleSet)));
        }
        sorted.sort(ORDER);
        List<Diagnosis> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ranked.add(sorted.get(i).diagnosis().ranked(i + 1));
        }
        return ranked;
    }

    private static int ruleOrder(Diagnosis diagnosis, RuleSet ruleSet) {
        String name = diagnosis.rule().substring(diagnosis.rule().indexOf('/') + 1);
        return ruleSet.rules().get(name).order();
    }
}
