package com.healthadvisor.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A calibration change on the command line, as an analyst makes one: rules check says what it moves and what it
 * breaks, rules preview compares it with the live rules, accept-changes takes the moves into the expectations.
 */
class RuleChangeCommandsTest {

    @TempDir
    Path root;
    Path rules;
    Path fixtures;

    @BeforeEach
    void copyTheRulesAndSomeFixtures() throws IOException {
        rules = Files.createDirectory(root.resolve("rules"));
        fixtures = Files.createDirectory(root.resolve("fixtures"));
        DiagnoseCommandTest.copyRules(rules);
        try (var files = Files.list(Path.of("fixtures"))) {
            for (Path file : files.filter(f -> f.getFileName().toString()
                    .matches("(seed-|logo-churn-crisis-fires-above|logo-churn-crisis-silent-at).*\\.json")).toList()) {
                Files.copy(file, fixtures.resolve(file.getFileName()));
            }
        }
    }

    private void sevenPercentCrisis(Path directory) throws IOException {
        Path benchmarks = directory.resolve("benchmarks.csv");
        Files.writeString(benchmarks, Files.readString(benchmarks)
                .replace("logo_churn_rate_monthly,acceptable,2% to 5%,", "logo_churn_rate_monthly,acceptable,2% to 7%,")
                .replace("logo_churn_rate_monthly,crisis,> 5%,", "logo_churn_rate_monthly,crisis,> 7%,"));
    }

    @Test
    void checkFindsTheFixturesBesideTheRulesAndReportsWhatAThresholdMoves() throws IOException {
        sevenPercentCrisis(rules);

        Cli.Run run = Cli.run("rules", "check", "--rules", rules.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("fixtures: every guard holds; 2 of 5 fixtures moved",
                "moved " + fixtures.resolve("seed-2-warning-signs.expected.json") + ":",
                "scenario seed-2-warning-signs: /includes/0: missing LOGO_CHURN_CRISIS",
                "scenario logo-churn-crisis-fires-above-5-percent: /includes/0: missing LOGO_CHURN_CRISIS");
    }

    @Test
    void checkRefusesABrokenGuardAtTheLineOfItsExpectation() throws IOException {
        Path limits = rules.resolve("limits.csv");
        Files.writeString(limits, Files.readString(limits)
                .replace("retention_first_min_flags,2,", "retention_first_min_flags,9,"));
        List<String> expectation = Files.readAllLines(fixtures.resolve("seed-2-warning-signs.expected.json"));
        int guardLine = 1 + expectation.indexOf(expectation.stream().filter(line -> line.contains("\"guard\""))
                .findFirst().orElseThrow());

        Cli.Run run = Cli.run("rules", "check", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(ErrorHandler.FAILED);
        assertThat(run.err()).contains(fixtures.resolve("seed-2-warning-signs.expected.json") + ":" + guardLine
                + ": guard seed-2-warning-signs: /guard/top: top diagnosis is");
    }

    @Test
    void checkSaysWhenThereAreNoFixturesToVetWith() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere/rules"));
        DiagnoseCommandTest.copyRules(elsewhere);

        Cli.Run run = Cli.run("rules", "check", "--rules", elsewhere.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no fixtures directory at " + root.resolve("elsewhere/fixtures"),
                "no guard run");
    }

    @Test
    void previewComparesACandidateWithTheLiveRulesFixtureByFixture() throws IOException {
        Path candidate = Files.createDirectory(root.resolve("candidate"));
        DiagnoseCommandTest.copyRules(candidate);
        sevenPercentCrisis(candidate);

        Cli.Run run = Cli.run("rules", "preview", "--rules", candidate.toString(), "--against", rules.toString(),
                "--fixtures", fixtures.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("LOGO_CHURN_CRISIS disappears from 2 fixtures",
                "seed-2-warning-signs: critical -> critical; - LOGO_CHURN_CRISIS");
    }

    @Test
    void acceptChangesRewritesTheMovedScenariosAndLeavesTheGuardsAlone() throws IOException {
        sevenPercentCrisis(rules);
        String seed2Guard = guardOf(fixtures.resolve("seed-2-warning-signs.expected.json"));

        Cli.Run accepted = Cli.run("rules", "accept-changes", "--rules", rules.toString());

        assertThat(accepted.exitCode()).isZero();
        assertThat(accepted.out()).contains("2 expectations updated", "/includes/0 removed");
        assertThat(Cli.run("rules", "test", "--rules", rules.toString()).exitCode()).isZero();
        assertThat(guardOf(fixtures.resolve("seed-2-warning-signs.expected.json"))).isEqualTo(seed2Guard);
    }

    private static String guardOf(Path expectation) {
        return DiagnoseCommandTest.json(read(expectation)).get("guard").toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
