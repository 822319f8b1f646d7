package com.healthadvisor.report;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The seed fixtures' reports, with the rule set loaded at a fixed instant so that reports are repeatable. */
final class SeedReports {

    static final List<String> SEEDS = List.of("seed-1-healthy-saas", "seed-2-warning-signs",
            "seed-3-blended-metrics-hiding-problems");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final RuleSet RULES = new RuleSetCompiler(CLOCK).compile(RuleSetLoader.read(Path.of("rules")));
    private static final AdvisorHarness ADVISOR = AdvisorHarness.of(RULES);

    private SeedReports() {
    }

    record Rendered(Snapshot snapshot, DiagnosisResult result) {

        String markdown() {
            return Reports.markdown(result, snapshot, RULES);
        }

        String html(boolean fragment) {
            return Reports.html(result, snapshot, RULES, fragment);
        }

        byte[] pdf() {
            return Reports.pdf(result, snapshot, RULES);
        }
    }

    static Rendered of(String seed) {
        return of(Path.of("fixtures", seed + ".json"));
    }

    static Rendered of(Path snapshotFile) {
        try {
            Snapshot snapshot = com.healthadvisor.fixture.FixtureRunner.snapshot(snapshotFile);
            return new Rendered(snapshot, ADVISOR.diagnose(snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
