package com.healthadvisor.metrics;

import com.healthadvisor.facts.Discrepancy;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.facts.Target;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every metric fact of one snapshot, with the reported values that disagree with the raw sections
 * and the targets checked against the actual values.
 */
public final class MetricSheet {

    /** Metrics by scope and code (the first of a code in a scope), and every code present in some scope. */
    private record Index(Map<String, Map<String, Metric>> byScope, Set<String> codes, Set<String> free) {
    }

    private final List<Metric> metrics;
    private final List<Discrepancy> discrepancies;
    private final List<Target> targets;
    /** Built on the first lookup: the sheet of unclassified facts is replaced before anything looks into it. */
    private volatile Index index;

    public MetricSheet(List<Metric> metrics, List<Discrepancy> discrepancies, List<Target> targets) {
        this.metrics = List.copyOf(metrics);
        this.discrepancies = List.copyOf(discrepancies);
        this.targets = List.copyOf(targets);
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public List<Discrepancy> discrepancies() {
        return discrepancies;
    }

    public List<Target> targets() {
        return targets;
    }

    public MetricSheet withMetrics(List<Metric> replaced) {
        return new MetricSheet(replaced, discrepancies, targets);
    }

    public Optional<Metric> find(String scope, String code) {
        return Optional.ofNullable(index().byScope().getOrDefault(scope, Map.of()).get(code));
    }

    public Optional<Metric> company(String code) {
        return find(Metric.COMPANY, code);
    }

    /** The scopes of slices that pay nothing (a free plan): no rule judges them (judgment.md P4). */
    public Set<String> freeSlices() {
        return index().free();
    }

    /** Whether any scope has a fact of this code; a slice that pays nothing (a free plan) does not count (P4). */
    public boolean hasAnywhere(String code) {
        return index().codes().contains(code);
    }

    private Index index() {
        Index built = index;
        if (built == null) {
            built = indexed(metrics);
            index = built;
        }
        return built;
    }

    /** The calculator writes a scope's metrics one after another, so the last scope's map is usually the one. */
    private static Index indexed(List<Metric> metrics) {
        Map<String, Map<String, Metric>> byScope = new HashMap<>();
        Set<String> codes = new HashSet<>(metrics.size() * 2);
        Set<String> free = freeSlices(metrics);
        String lastScope = null;
        Map<String, Metric> scoped = null;
        for (Metric metric : metrics) {
            if (!metric.scope().equals(lastScope)) {
                lastScope = metric.scope();
                scoped = byScope.computeIfAbsent(lastScope, s -> new HashMap<>());
            }
            scoped.putIfAbsent(metric.code(), metric);
            if (free.isEmpty() || !free.contains(metric.scope())) {
                codes.add(metric.code());
            }
        }
        return new Index(byScope, codes, free);
    }

    /**
     * The slices that pay nothing, from start to end of the period: what they hold makes no code assessable, so that a
     * free plan changes no verdict, not even insufficient data (judgment.md P4).
     */
    private static Set<String> freeSlices(List<Metric> metrics) {
        Set<String> paying = new HashSet<>();
        Set<String> free = new HashSet<>();
        for (Metric metric : metrics) {
            boolean slice = !metric.isCompany() && !metric.scope().startsWith("cohort:");
            if (slice && (metric.code().equals("mrr") || metric.code().equals("starting_mrr"))) {
                (metric.value() > 0 ? paying : free).add(metric.scope());
            }
        }
        free.removeAll(paying);
        return free;
    }
}
