package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Metric;
import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.ruleset.Band;
import com.healthadvisor.ruleset.Benchmarks;
import com.healthadvisor.snapshot.Profile;
import com.healthadvisor.snapshot.Snapshot;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts each metric fact in its benchmark band. The stage comes from the profile, else from the band of
 * ARR ({@code early}, {@code growth}, {@code scale}); the market of a breakdown of dimension
 * {@code market} is the breakdown's own name when it is a market word.
 */
final class Banding {

    private Banding() {
    }

    static String stage(Snapshot snapshot, List<Metric> metrics, Benchmarks benchmarks) {
        if (snapshot.profile().stage() != null) {
            return snapshot.profile().stage();
        }
        String periodicity = snapshot.periodicity().word();
        return metrics.stream().filter(m -> m.isCompany() && m.code().equals("arr")).findFirst()
                .flatMap(arr -> benchmarks.bandFor(arr, null, null, periodicity))
                .map(band -> band.name()).filter(Profile.STAGES::contains).orElse(null);
    }

    /**
     * Bands every metric but the rates of a scope with fewer than {@code minCustomers} customers at the start of
     * the period (judgment.md P6): unbanded, no rule judges them.
     */
    static List<Metric> apply(List<Metric> metrics, Snapshot snapshot, String stage, Benchmarks benchmarks,
                              double minCustomers) {
        String periodicity = snapshot.periodicity().word();
        Set<String> smallScopes = smallSamples(metrics, minCustomers);
        List<Metric> banded = new java.util.ArrayList<>(metrics.size());
        for (Metric metric : metrics) {
            if (!smallScopes.isEmpty() && smallScopes.contains(metric.scope())
                    && MetricCatalog.RATES_NEEDING_A_SAMPLE.contains(metric.code())) {
                banded.add(metric);
                continue;
            }
            banded.add(bandOf(metric, snapshot, stage, benchmarks)
                    .map(band -> metric.withBand(band.name(), benchmarks.describe(band, snapshot.currency())))
                    .orElse(metric));
        }
        return banded;
    }

    /** The band a metric is in, as {@link #apply} chose it: with the market of its scope. */
    static Optional<Band> bandOf(Metric metric, Snapshot snapshot, String stage, Benchmarks benchmarks) {
        return benchmarks.bandFor(metric, stage, market(metric, snapshot), snapshot.periodicity().word());
    }

    /** The scopes whose rates stand on too few customers. */
    static Set<String> smallSamples(List<Metric> metrics, double minCustomers) {
        Set<String> small = new HashSet<>();
        for (Metric metric : metrics) {
            if (metric.code().equals("rate_base_customers") && metric.value() < minCustomers) {
                small.add(metric.scope());
            }
        }
        return small;
    }

    private static String market(Metric metric, Snapshot snapshot) {
        if (metric.dimension().equals("market")) {
            String name = metric.scope().substring("market:".length());
            if (Profile.MARKETS.contains(name)) {
                return name;
            }
        }
        return snapshot.profile().market();
    }
}
