package com.healthadvisor.startup;

import com.healthadvisor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar, run from a directory that holds nothing of the project: settings or options find its rules. */
class JarStandsAloneIT {

    private static final Path JAR = TestFiles.BUILD.resolve("health-advisor.jar");

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path workingDirectory, String rulesVariable, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().remove("ADVISOR_RULES");
        builder.environment().remove("ADVISOR_FIXTURES");
        if (rulesVariable != null) {
            builder.environment().put("ADVISOR_RULES", rulesVariable);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void aMissingRulesDirectoryNamesTheOptionAndTheVariableThatSetIt(@TempDir Path elsewhere) throws Exception {
        Run run = run(elsewhere, null, "rules", "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("rules directory not found: " + elsewhere.toRealPath().resolve("rules"),
                "give --rules DIR or set ADVISOR_RULES");
    }

    @Test
    void theRulesVariableFindsTheRulesAndTheFixturesBesideThem(@TempDir Path elsewhere) throws Exception {
        Run run = run(elsewhere, Path.of("rules").toAbsolutePath().toString(), "rules", "check");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("ok: ", "fixtures: every guard holds");
    }

    @Test
    void theOptionsFindThemFromAnywhereToo(@TempDir Path elsewhere) throws Exception {
        Run run = run(elsewhere, null, "rules", "test", "--rules", Path.of("rules").toAbsolutePath().toString(),
                "--fixtures", Path.of("fixtures").toAbsolutePath().toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("0 failed");
    }

    /** Each run is a new JVM, whose hash salts differ: any order taken from a hash would show here. */
    @Test
    void theSameSnapshotGivesTheSameBytesInEveryRun() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        // Seed 3 has breakdowns as well as reported metrics; each run is a cold start, so two formats.
        for (String seed : List.of("seed-3-blended-metrics-hiding-problems")) {
            String file = Path.of("fixtures", seed + ".json").toAbsolutePath().toString();
            for (String format : List.of("json", "html")) {
                Run first = run(here, null, "diagnose", file, "--format", format);
                Run second = run(here, null, "diagnose", file, "--format", format);

                assertThat(first.exitCode()).as(first.output()).isZero();
                assertThat(second.output()).as(seed + " as " + format).isEqualTo(first.output());
            }
        }
    }
}
