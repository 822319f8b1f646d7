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
public record MetricSheet(List<Metric> metrics, List<Discrepancy> discrepancies, List<Target> targets) {

    public MetricSheet {
        metrics = List.copyOf(metrics);
        discrepancies = List.copyOf(discrepancies);
        targets = List.copyOf(targets);
    }

    public MetricSheet withMetrics(List<Metric> replaced) {
        return new MetricSheet(replaced, discrepancies, targets);
    }

    public Optional<Metric> find(String scope, String code) {
        return metrics.stream().filter(m -> m.code().equals(code) && m.scope().equals(scope))
                .findFirst();
    }

    public Optional<Metric> company(String code) {
        return find(Metric.COMPANY, code);
    }

    /** The values of one scope by code, for impact formulas and explanations. */
    public Map<String, Double> valuesOf(String scope) {
        Map<String, Double> values = new HashMap<>();
        metrics.stream().filter(m -> m.scope().equals(scope))
                .forEach(m -> values.putIfAbsent(m.code(), m.value()));
        return values;
    }

    public boolean has(String code) {
        return metrics.stream().anyMatch(m -> m.code().equals(code));
    }
}
