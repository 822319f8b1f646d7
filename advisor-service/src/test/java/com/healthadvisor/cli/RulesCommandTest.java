package com.healthadvisor.cli;

import com.healthadvisor.security.RuleAttacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {

    static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "advisor-cli-attack-marker");

    @TempDir
    Path rules;

    @Test
    void checkReportsTheDefaultRuleSetAsValid() {
        Cli.Run run = Cli.run("rules", "check");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("ok: \\d+ rules in \\d+ files, 48 diagnosis codes, version [0-9a-f]{8}\\s*"
                + "fixtures: every guard holds; 0 of \\d+ fixtures moved\\s*");
    }

    @Test
    void checkPrintsEachProblemAsFileLineMessage() throws IOException {
        DiagnoseCommandTest.copyRules(rules);
        replace("benchmarks.csv", "nrr,problem,< 90%", "nrr,problem,< 90");
        replace("limits.csv", "scale_min_quick_ratio,4,", "scale_min_quick_ratio,four,");
        replace("retention.yaml", "    - Customer Success: Segment churn", "    - Success Team: Segment churn");
        replace("expansion.drl", "insert(Finding.of(\"NRR_EXCELLENT\", \"positive\"", "insert(Finding.of(\"NRR_EXCELLENT\", \"great\"");

        Cli.Run run = Cli.run("rules", "check", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(
                "benchmarks.csv:" + lineOf("benchmarks.csv", "nrr,problem") + ": \"90\" needs a % sign: this metric is a ratio",
                "limits.csv:" + lineOf("limits.csv", "scale_min_quick_ratio") + ": value of scale_min_quick_ratio must be a plain number",
                "retention.yaml:" + lineOf("retention.yaml", "Success Team") + ": unknown owner \"Success Team\"",
                "expansion.drl:" + lineOf("expansion.drl", "\"great\"") + ": rule \"NRR is above 120%\": unknown severity \"great\"");
    }

    @Test
    void checkReportsDrlCompileErrorsWithTheirLine() throws IOException {
        DiagnoseCommandTest.copyRules(rules);
        replace("growth.drl", "$quick : Metric(code == \"quick_ratio\", scope == \"company\", band == \"leaky_bucket\")",
                "$quick : Metric(code == \"quick_ratio\", scope == \"company\", bandd == \"leaky_bucket\")");

        Cli.Run run = Cli.run("rules", "check", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsPattern("growth\\.drl:1[01]: .*bandd");
    }

    @Test
    void testRunsEveryFixtureAndCountsThemListingEachPassOnlyWhenVerbose() {
        Cli.Run run = Cli.run("rules", "test");
        Cli.Run verbose = Cli.run("rules", "test", "--verbose");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("PASS ").containsPattern("^fixtures: \\d+ passed, 0 failed\\s*$");
        assertThat(verbose.out()).contains("PASS seed-2-warning-signs")
                .containsPattern("fixtures: \\d+ passed, 0 failed");
    }

    @Test
    void testOnADirectoryWithoutFixturesSaysSoAndExitsOne(@TempDir Path empty) {
        Cli.Run run = Cli.run("rules", "test", "--fixtures", empty.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no fixtures in " + empty + ": nothing was tested");
    }

    @Test
    void testExitsOneAndNamesTheFixtureWhoseExpectationFails(@TempDir Path fixtures) throws IOException {
        Files.copy(Path.of("fixtures/seed-1-healthy-saas.json"), fixtures.resolve("healthy.json"));
        Files.writeString(fixtures.resolve("healthy.expected.json"), "{ \"health\": \"critical\", \"includes\": [\"RUNWAY_SHORT\"] }");

        Cli.Run run = Cli.run("rules", "test", "--fixtures", fixtures.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL healthy", "health is healthy, expected critical", "missing RUNWAY_SHORT",
                "fixtures: 0 passed, 1 failed");
    }

    static List<RuleAttacks.Attack> attacks() {
        return RuleAttacks.all(MARKER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void checkAndTestRefuseEveryAttackWithoutRunningIt(RuleAttacks.Attack attack) throws IOException {
        DiagnoseCommandTest.copyRules(rules);
        Files.writeString(rules.resolve("attack.drl"), attack.drl());

        Cli.Run check = Cli.run("rules", "check", "--rules", rules.toString());
        Cli.Run test = Cli.run("rules", "test", "--rules", rules.toString());

        for (Cli.Run run : List.of(check, test)) {
            assertThat(run.exitCode()).isNotZero();
            assertThat(run.err()).containsPattern("attack\\.drl:\\d+: .*").contains(attack.refusal());
        }
        assertThat(MARKER).doesNotExist();
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private int lineOf(String file, String text) throws IOException {
        var lines = Files.readAllLines(rules.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
