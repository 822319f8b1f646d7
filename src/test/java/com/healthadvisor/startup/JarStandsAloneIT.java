package com.healthadvisor.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar, run from a directory that holds nothing of the project: settings or options find its rules. */
class JarStandsAloneIT {

    private static final Path JAR = Path.of("target", "health-advisor.jar").toAbsolutePath();

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
}
