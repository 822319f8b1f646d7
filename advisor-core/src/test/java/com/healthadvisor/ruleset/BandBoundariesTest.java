package com.healthadvisor.ruleset;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.InvalidSnapshotException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boundary tests derived from the current rules/benchmarks.csv, not written by hand: for every edge of every band,
 * a value just inside is judged in that band and a value just outside is not. They move with a threshold an analyst
 * moves, instead of pinning today's.
 */
class BandBoundariesTest {

    private static AdvisorHarness advisor;

    @BeforeAll
    static void compileTheDefaultRules() {
        advisor = AdvisorHarness.fromRules(Path.of("rules"));
    }

    /**
     * One value to try and the band it must land in: just inside an edge, the band; just outside, not it; on the
     * edge itself, the first band of the file that contains it (where two ranges share an edge, the one listed
     * first takes it).
     */
    private record Probe(Band band, double value, String expected, boolean inside) {

        @Override
        public String toString() {
            return band.metric() + " " + String.format(Locale.ROOT, "%.9g", value) + (inside ? " is " : " is not ")
                    + expected + " (" + band.name() + " " + band.range() + ", line " + band.line() + ")";
        }
    }

    static List<Probe> probes() {
        Benchmarks benchmarks = advisor.ruleSet().benchmarks();
        List<Probe> probes = new ArrayList<>();
        for (Band band : benchmarks.all()) {
            BandRange range = band.range();
            MetricDefinition metric = MetricCatalog.get(band.metric());
            List<Probe> ofBand = new ArrayList<>();
            for (double edge : new double[] {range.low(), range.high()}) {
                if (!Double.isFinite(edge)) {
                    continue;
                }
                double inward = edge == range.low() ? step(edge) : -step(edge);
                ofBand.add(new Probe(band, edge + inward, band.name(), true));
                ofBand.add(new Probe(band, edge - inward, band.name(), false));
                firstContaining(benchmarks, band, edge).ifPresent(owner -> ofBand.add(new Probe(band, edge, owner, true)));
            }
            ofBand.removeIf(probe -> probe.value() < metric.min() || probe.value() > metric.max());
            probes.addAll(ofBand);
        }
        return probes;
    }

    /** The band a value on an edge belongs to by the file's rule: the first of the metric's bands that contains it. */
    private static Optional<String> firstContaining(Benchmarks benchmarks, Band band, double value) {
        return benchmarks.all().stream().filter(other -> other.metric().equals(band.metric())
                        && other.appliesTo(stageOf(band), marketOf(band), periodicityOf(band)) && other.contains(value))
                .findFirst().map(Band::name);
    }

    /** The snapshot of a probe names the band's first stage, market and periodicity, or none. */
    private static String stageOf(Band band) {
        return band.stages().stream().findFirst().orElse(null);
    }

    private static String marketOf(Band band) {
        return band.markets().stream().filter(market -> !market.equals(Band.NONE)).findFirst().orElse(null);
    }

    private static String periodicityOf(Band band) {
        return band.periodicities().isEmpty() ? "monthly" : band.periodicities().iterator().next();
    }

    /** A step well below any band's precision and well above rounding: a millionth of the edge, or of 1. */
    private static double step(double edge) {
        return Math.max(Math.abs(edge), 1) * 1e-6;
    }

    @TestFactory
    Stream<DynamicTest> aValueJustInsideABandIsInItAndJustOutsideIsNot() {
        return probes().stream().map(probe -> DynamicTest.dynamicTest(probe.toString(), () -> {
            Optional<String> band = bandOf(probe);
            if (probe.inside()) {
                assertThat(band).as(probe.toString()).contains(probe.expected());
            } else {
                assertThat(band).as(probe.toString()).isNotEqualTo(Optional.of(probe.expected()));
            }
        }));
    }

    @Test
    void mostBandsAreProbedFromBothSides() {
        long probed = probes().stream().map(Probe::band).distinct().count();

        assertThat(probed).isGreaterThanOrEqualTo(advisor.ruleSet().benchmarks().all().size() * 9 / 10);
    }

    /** The band the value is judged in, reported for the company in a snapshot that suits the band's qualifiers. */
    private static Optional<String> bandOf(Probe probe) {
        Band band = probe.band();
        String periodicity = periodicityOf(band);
        String period = switch (periodicity) {
            case "quarterly" -> "2024-Q2";
            case "annual" -> "2024";
            default -> "2024-06";
        };
        StringBuilder profile = new StringBuilder();
        if (stageOf(band) != null) {
            profile.append("\"stage\":\"").append(stageOf(band)).append('"');
        }
        if (marketOf(band) != null) {
            profile.append(profile.isEmpty() ? "" : ",").append("\"market\":\"").append(marketOf(band)).append('"');
        }
        String json = String.format(Locale.ROOT, "{\"period\":\"%s\",\"periodicity\":\"%s\",\"profile\":{%s},"
                + "\"metrics\":{\"%s\":%s}}", period, periodicity, profile, band.metric(), probe.value());
        DiagnosisResult result;
        try {
            result = advisor.diagnose(json);
        } catch (InvalidSnapshotException e) {
            throw new AssertionError(probe + ": the snapshot is refused: " + e.getMessage(), e);
        }
        return result.metrics().stream().filter(m -> m.code().equals(band.metric()) && m.scope().equals("company"))
                .findFirst().map(m -> m.band());
    }
}
