package com.healthadvisor.metrics;

import com.healthadvisor.facts.Discrepancy;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.facts.Target;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every metric fact of one snapshot, with the reported values that disagree with the raw sections
 * and the targets checked against the actual values.
 */
public record MetricSheet(List<Metric> metrics, List<Discrepancy> discrepancies, List<Target> targets,
                          Map<String, Map<String, Metric>> byScope) {

    public MetricSheet(List<Metric> metrics, List<Discrepancy> discrepancies, List<Target> targets) {
        this(List.copyOf(metrics), List.copyOf(discrepancies), List.copyOf(targets), index(metrics));
    }

    /** Metrics by scope and code (the first of a code in a scope), so that lookups do not scan every fact. */
    private static Map<String, Map<String, Metric>> index(List<Metric> metrics) {
        Map<String, Map<String, Metric>> byScope = new HashMap<>();
        for (Metric metric : metrics) {
            byScope.computeIfAbsent(metric.scope(), s -> new HashMap<>()).putIfAbsent(metric.code(), metric);
        }
        return byScope;
    }

    public MetricSheet withMetrics(List<Metric> replaced) {
        return new MetricSheet(replaced, discrepancies, targets);
    }

    public Optional<Metric> find(String scope, String code) {
        return Optional.ofNullable(byScope.getOrDefault(scope, Map.of()).get(code));
    }

    public Optional<Metric> company(String code) {
        return find(Metric.COMPANY, code);
    }

    /** Whether any scope has a fact of this code. */
    public boolean hasAnywhere(String code) {
        for (Map<String, Metric> scope : byScope.values()) {
            if (scope.containsKey(code)) {
                return true;
            }
        }
        return false;
    }

}
