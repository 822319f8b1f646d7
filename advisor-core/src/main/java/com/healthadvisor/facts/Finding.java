package com.healthadvisor.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule concludes: a diagnosis code at a severity, in a scope, with the metrics that show it.
 * Rules insert findings; the words (title, explanation, actions) come from the rule set's data files.
 *
 * <p>Findings of one code, scope and subject are merged after the session, keeping the highest
 * severity, so that several rules may state one diagnosis without an accumulate in DRL.
 *
 * @param subject what distinguishes two findings of one code and scope (a target's metric, a
 *                dimension); null for most codes
 * @param notes   extra values for the explanation: {@link Quantity}, {@link String} or a number
 */
public record Finding(String code, String severity, String scope, String subject,
                      List<Metric> evidence, Map<String, Object> notes) {

    /** The severities' words, most severe first ({@link Severity}, the one order). */
    public static final List<String> SEVERITIES = Severity.WORDS;

    public Finding {
        if (!isCode(code)) {
            throw new IllegalArgumentException("diagnosis code must be UPPER_SNAKE_CASE (was " + code + ")");
        }
        if (Severity.of(severity) == null) {
            throw new IllegalArgumentException("unknown severity '" + severity + "' for " + code
                    + "; use one of " + SEVERITIES);
        }
        evidence = List.copyOf(evidence);
        // In the rule's order, the same in every run (Map.copyOf's order changes from one JVM to the next).
        notes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /** A finding in the scope of its first piece of evidence (company when there is none). */
    public static Finding of(String code, String severity, Metric... evidence) {
        String scope = evidence.length == 0 ? Metric.COMPANY : evidence[0].scope();
        return new Finding(code, severity, scope, null, List.of(evidence), Map.of());
    }

    public Finding in(String newScope) {
        return new Finding(code, severity, newScope, subject, evidence, notes);
    }

    public Finding about(String newSubject) {
        return new Finding(code, severity, scope, newSubject, evidence, notes);
    }

    public Finding with(Metric... more) {
        List<Metric> all = new ArrayList<>(evidence);
        all.addAll(List.of(more));
        return new Finding(code, severity, scope, subject, all, notes);
    }

    /** Attaches a value for the explanation; a null value (say, a stage not known) is left out. */
    public Finding note(String key, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> all = new LinkedHashMap<>(notes);
        all.put(key, value);
        return new Finding(code, severity, scope, subject, evidence, all);
    }

    public Finding note(String key, double value, String unit) {
        return note(key, new Quantity(value, unit));
    }

    /** A finding that sums up others: their evidence, their codes as note {@code flags}, their count as {@code count}. */
    public Finding basedOn(Collection<Finding> others) {
        Set<String> codes = new java.util.TreeSet<>();
        List<Metric> all = new ArrayList<>(evidence);
        for (Finding other : others) {
            codes.add(other.code());
            for (Metric metric : other.evidence()) {
                if (!containsFact(all, metric)) {
                    all.add(metric);
                }
            }
        }
        Map<String, Object> summed = new LinkedHashMap<>(notes);
        summed.put("flags", List.copyOf(codes));
        summed.put("count", (double) codes.size());
        return new Finding(code, severity, scope, subject, all, summed);
    }

    /** By identity: evidence is the session's own fact objects, and a record's equals compares nine fields. */
    private static boolean containsFact(List<Metric> metrics, Metric fact) {
        for (Metric metric : metrics) {
            if (metric == fact) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a code is UPPER_SNAKE_CASE. By hand: rules make findings on every evaluation, and a regular
     * expression here took 3% of a diagnosis.
     */
    static boolean isCode(String code) {
        if (code == null || code.isEmpty() || code.charAt(0) < 'A' || code.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The severity's place in {@link Severity}'s order: 0 for critical. */
    public int severityRank() {
        return Severity.of(severity).ordinal();
    }
}
