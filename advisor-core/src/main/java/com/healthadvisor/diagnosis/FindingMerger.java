package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Finding;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several rules may state one diagnosis (one code, scope and subject): they become one, at the highest
 * severity any of them gave, with all their evidence, credited to the first of those rules in the set.
 */
final class FindingMerger {

    /** A merged finding and the rule credited with it. */
    record Merged(Finding finding, RuleSet.RuleInfo rule) {
    }

    private FindingMerger() {
    }

    /** What makes two findings one diagnosis. */
    private record Key(String code, String scope, String subject) {
    }

    static List<Merged> merge(List<RuleSession.Concluded> concluded, RuleSet ruleSet) {
        List<Merged> inRuleOrder = new ArrayList<>(concluded.size());
        for (RuleSession.Concluded c : concluded) {
            inRuleOrder.add(new Merged(c.finding(), ruleSet.rules().get(c.rule())));
        }
        inRuleOrder.sort(Comparator.comparingInt(m -> m.rule().order()));
        Map<Key, Merged> merged = new LinkedHashMap<>();
        for (Merged m : inRuleOrder) {
            merged.merge(new Key(m.finding().code(), m.finding().scope(), m.finding().subject()), m,
                    FindingMerger::combine);
        }
        return new ArrayList<>(merged.values());
    }

    private static Merged combine(Merged first, Merged second) {
        Finding a = first.finding();
        Finding b = second.finding();
        String severity = a.severityRank() <= b.severityRank() ? a.severity() : b.severity();
        List<Metric> evidence = new ArrayList<>(a.evidence());
        b.evidence().stream().filter(m -> evidence.stream().noneMatch(e -> sameFact(e, m))).forEach(evidence::add);
        Map<String, Object> notes = new LinkedHashMap<>(b.notes());
        notes.putAll(a.notes());
        return new Merged(new Finding(a.code(), severity, a.scope(), a.subject(), evidence, notes), first.rule());
    }

    private static boolean sameFact(Metric a, Metric b) {
        return a.code().equals(b.code()) && a.scope().equals(b.scope()) && Objects.equals(a.age(), b.age());
    }
}
