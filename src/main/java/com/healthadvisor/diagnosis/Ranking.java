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

    private Ranking() {
    }

    static List<Diagnosis> rank(List<Diagnosis> diagnoses, RuleSet ruleSet) {
        Comparator<Diagnosis> order = Comparator
                .comparing((Diagnosis d) -> !ruleSet.wording().get(d.code()).rankFirst())
                .thenComparingInt(d -> Finding.SEVERITIES.indexOf(d.severity()))
                .thenComparing(Diagnosis::impact, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparingInt(d -> ruleOrder(d, ruleSet))
                .thenComparing(Diagnosis::scope);
        List<Diagnosis> sorted = new ArrayList<>(diagnoses);
        sorted.sort(order);
        List<Diagnosis> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            ranked.add(sorted.get(i).ranked(i + 1));
        }
        return ranked;
    }

    private static int ruleOrder(Diagnosis diagnosis, RuleSet ruleSet) {
        String name = diagnosis.rule().substring(diagnosis.rule().indexOf('/') + 1);
        return ruleSet.rules().get(name).order();
    }
}
