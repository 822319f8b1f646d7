package com.healthadvisor.portfolio;

import com.healthadvisor.MavenWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark portfolio job is a Maven project of its own ({@code portfolio/}), so that the service's jar never
 * carries Spark; this builds it and runs its tests as part of the root's {@code mvn verify}, on the core this
 * build made (advisor-core): the job in local mode over a generated ledger of 240 companies, every company's result against the
 * command line's.
 */
class PortfolioIT {

    private static final Path PROJECT = MavenWrapper.PROJECT;

    @Test
    void thePortfolioJobBuildsAndAgreesWithTheCommandLine() throws Exception {
        MavenWrapper.installCore();
        String output = MavenWrapper.run(PROJECT, Duration.ofMinutes(15), "-f", "portfolio/pom.xml", "verify");

        assertThat(output).as("the portfolio build ran its tests").containsPattern("Tests run: [1-9]")
                .doesNotContain("Tests run: 0,");
    }

    /** README's Spark commands as written, after its install line (done by installCore), into a temporary directory. */
    @Test
    void readmesPortfolioCommandsRun(@TempDir Path temp) throws Exception {
        MavenWrapper.installCore();
        String readme = Files.readString(PROJECT.resolve("README.md"));
        int section = readme.indexOf("diagnosed on Apache Spark");
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        List<String> lines = readme.substring(start, readme.indexOf("```", start)).lines()
                .filter(line -> !line.contains(" install ")).toList();
        assertThat(lines).hasSize(2);
        String script = String.join("\n", lines).replace("portfolio.csv", temp.resolve("portfolio.csv").toString())
                .replace("--out results", "--out " + temp.resolve("results"));
        Process bash = new ProcessBuilder("bash", "-e", "-c", script).directory(PROJECT.toFile())
                .redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).contains("companies diagnosed in");
        assertThat(temp.resolve("results/parquet")).isDirectory();
        long companies = 0;
        try (var parts = Files.list(temp.resolve("results/jsonl"))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                companies += Files.readAllLines(part).stream().filter(line -> line.contains("\"health\"")).count();
            }
        }
        assertThat(companies).as("companies diagnosed, one JSON line each").isEqualTo(300);
    }

}
