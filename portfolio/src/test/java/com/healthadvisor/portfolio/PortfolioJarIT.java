package com.healthadvisor.portfolio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar spark-submit takes, run the way spark-submit runs it: in a JVM of its own, beside Spark's jars and
 * nothing else of the build's, in local mode. It must find Drools' services in the merged jar and diagnose.
 */
class PortfolioJarIT {

    private static final Path TARGET = Path.of(System.getProperty("portfolio.target", "portfolio/target"));

    @Test
    void theSparkJarDiagnosesAPortfolioBesideSparksJarsAlone(@TempDir Path temp) throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(TARGET)) {
            jar = files.filter(f -> f.getFileName().toString().endsWith("-spark.jar")).findFirst().orElseThrow();
        }
        String spark = Files.readString(TARGET.resolve("spark-class-path.txt")).trim();
        Path ledger = temp.resolve("portfolio.csv");
        try (Writer out = Files.newBufferedWriter(ledger)) {
            PortfolioLedger.write(out, 20, 20, 12, 5);
        }
        Path results = temp.resolve("results");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(Arrays.asList(System.getProperty("spark.opens").trim().split("\\s+")));
        command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + spark,
                "com.healthadvisor.portfolio.PortfolioJob", "--master", "local[2]", "--ledger", ledger.toString(),
                "--out", results.toString()));
        Process job = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(job.getInputStream().readAllBytes());
        assertThat(job.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(job.exitValue()).as(output).isZero();

        List<JsonNode> rows = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> parts = Files.list(results.resolve("jsonl"))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                Files.readAllLines(part).forEach(line -> rows.add(json.readTree(line)));
            }
        }
        assertThat(rows).hasSize(20).allSatisfy(row -> {
            assertThat(row.has("error")).as(row.toString()).isFalse();
            assertThat(row.get("health").asString()).isNotBlank();
            assertThat(json.readTree(row.get("result").asString()).at("/rule_set/version").asString()).hasSize(8);
        });
        assertThat(output).contains("20 companies diagnosed");
    }
}
