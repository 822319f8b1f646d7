package com.healthadvisor.company;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.Evidence;
import com.healthadvisor.catalog.Direction;
import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.facts.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between the diagnoses of two periods, as a person reading both reports would list it: findings
 * that are new, resolved, worse or better (a strength gained counts as better, one lost as worse), those that
 * stayed as they were, and the moves of the metrics behind each and of the key metrics. Better is said only of a
 * finding whose severity dropped: a critical finding whose metric improved is still critical, and reassurance it
 * has not earned would mislead. Worse is also said of a finding whose severity held while its metric moved the
 * wrong way, an early warning.
 */
public record Changes(String company, String from, String to, String healthFrom, String healthTo,
                      @JsonProperty("new") List<Change> newFindings, List<Change> resolved, List<Change> worse,
                      List<Change> better, List<Change> unchanged, List<MetricMove> keyMetrics) {

    /** A move smaller than this share of the value is noise, not better or worse. */
    private static final double NOISE = 0.01;

    /**
     * One finding, identified by its code and scope, in both periods.
     *
     * @param severityFrom null when it is new; {@code severityTo} null when it is gone
     */
    public record Change(String code, String scope, String title, String severityFrom, String severityTo,
                         List<MetricMove> moves) {

        /** The worse of its two severities: how urgent the change is ({@link Severity}'s order). */
        Severity worst() {
            Severity from = Severity.of(severityFrom);
            Severity to = Severity.of(severityTo);
            return to != null && to.isWorseThan(from) ? to : from;
        }

        /** Most urgent first; a change with no severity on either side last. */
        static final Comparator<Change> BY_URGENCY = Comparator.comparing(Change::worst,
                Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** @param direction {@code better}, {@code worse} or {@code same}; null for a metric that is neither */
    public record MetricMove(String metric, String scope, Double from, Double to, String unit, String direction) {
    }

    /** The most important change, with which of the lists it is in. */
    public record Headline(String kind, Change change) {
    }

    public static Changes between(String company, DiagnosisResult before, DiagnosisResult after) {
        Map<String, Diagnosis> was = byFinding(before);
        Map<String, Diagnosis> is = byFinding(after);
        List<Change> added = new ArrayList<>(), resolved = new ArrayList<>(), worse = new ArrayList<>(),
                better = new ArrayList<>(), unchanged = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(is.keySet());
        keys.addAll(was.keySet());
        for (String key : keys) {
            Diagnosis then = was.get(key);
            Diagnosis now = is.get(key);
            Diagnosis either = now != null ? now : then;
            Change change = new Change(either.code(), either.scope(), either.title(),
                    then == null ? null : then.severity(), now == null ? null : now.severity(),
                    moves(evidence(then, now), before, after));
            boolean strength = "positive".equals(either.severity());
            if (then == null) {
                (strength ? better : added).add(change);
            } else if (now == null) {
                (strength ? worse : resolved).add(change);
            } else {
                Severity severityThen = Severity.of(then.severity());
                Severity severityNow = Severity.of(now.severity());
                if (severityNow.isWorseThan(severityThen)) {
                    worse.add(change);
                } else if (severityThen.isWorseThan(severityNow)) {
                    better.add(change);
                } else {
                    ("worse".equals(direction(change.moves())) ? worse : unchanged).add(change);
                }
            }
        }
        List<MetricMove> key = MetricCatalog.KEY.stream()
                .map(code -> move(code, com.healthadvisor.facts.Metric.COMPANY, before, after))
                .filter(m -> m.from() != null || m.to() != null)
                .toList();
        return new Changes(company, before.period(), after.period(), before.health(), after.health(),
                byUrgency(added), byUrgency(resolved), byUrgency(worse), byUrgency(better), byUrgency(unchanged), key);
    }

    /**
     * What to say first: the most severe of what appeared or got worse, then of what was resolved, then of what got
     * better; empty when nothing changed.
     */
    public Optional<Headline> headline() {
        Optional<Headline> newest = urgent("new", newFindings);
        Optional<Headline> worsened = urgent("worse", worse);
        Optional<Headline> alarming = newest.isEmpty() ? worsened : worsened.isEmpty() ? newest
                : Change.BY_URGENCY.compare(worsened.get().change(), newest.get().change()) < 0 ? worsened : newest;
        return alarming.or(() -> urgent("resolved", resolved)).or(() -> urgent("better", better));
    }

    public boolean isEmpty() {
        return newFindings.isEmpty() && resolved.isEmpty() && worse.isEmpty() && better.isEmpty();
    }

    private static Optional<Headline> urgent(String kind, List<Change> changes) {
        return changes.stream().findFirst().map(change -> new Headline(kind, change));
    }

    private static List<Change> byUrgency(List<Change> changes) {
        changes.sort(Change.BY_URGENCY);
        return List.copyOf(changes);
    }

    private static Map<String, Diagnosis> byFinding(DiagnosisResult result) {
        Map<String, Diagnosis> found = new LinkedHashMap<>();
        for (Diagnosis diagnosis : result.diagnoses()) {
            found.putIfAbsent(diagnosis.code() + "@" + diagnosis.scope(), diagnosis);
        }
        return found;
    }

    /** The metrics either period's finding quotes as evidence, the current one's first. */
    private static List<Evidence> evidence(Diagnosis then, Diagnosis now) {
        Map<String, Evidence> all = new LinkedHashMap<>();
        for (Diagnosis d : new Diagnosis[] {now, then}) {
            if (d != null) {
                d.evidence().forEach(e -> all.putIfAbsent(e.metric() + "@" + e.scope(), e));
            }
        }
        return List.copyOf(all.values());
    }

    private static List<MetricMove> moves(List<Evidence> evidence, DiagnosisResult before, DiagnosisResult after) {
        return evidence.stream().map(e -> move(e.metric(), e.scope(), before, after)).toList();
    }

    private static MetricMove move(String code, String scope, DiagnosisResult before, DiagnosisResult after) {
        Double from = KeyMetrics.find(before, code, scope).map(DiagnosisResult.MetricValue::value).orElse(null);
        Optional<DiagnosisResult.MetricValue> now = KeyMetrics.find(after, code, scope);
        Double to = now.map(DiagnosisResult.MetricValue::value).orElse(null);
        String unit = now.or(() -> KeyMetrics.find(before, code, scope)).map(DiagnosisResult.MetricValue::unit)
                .orElse(null);
        return new MetricMove(code, scope, from, to, unit, direction(code, from, to));
    }

    /** Better or worse by the metric's good direction, when the move is more than noise. */
    private static String direction(String code, Double from, Double to) {
        Optional<MetricDefinition> definition = MetricCatalog.find(code);
        if (from == null || to == null || definition.isEmpty() || definition.get().direction() == Direction.NEUTRAL) {
            return null;
        }
        double scale = Math.max(Math.abs(from), Math.abs(to));
        if (scale == 0 || Math.abs(to - from) / scale <= NOISE) {
            return "same";
        }
        boolean up = to > from;
        return up == definition.get().lowerIsBetter() ? "worse" : "better";
    }

    /** A finding at the same severity moved as the first of its metrics that moved at all. */
    private static String direction(List<MetricMove> moves) {
        return moves.stream().map(MetricMove::direction)
                .filter(d -> "worse".equals(d) || "better".equals(d))
                .findFirst().orElse("same");
    }
}
