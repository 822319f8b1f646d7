package com.healthadvisor.portfolio;

import com.healthadvisor.HealthAdvisor;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job in Spark's local mode on a generated ledger of a few hundred companies gives, for every company, the
 * diagnosis the command line gives for that company's rows: the same bytes (the rule set's loaded_at is the rule
 * files' change time in both).
 */
class PortfolioJobTest {

    private static final int COMPANIES = 240;
    private static final Path RULES = Path.of("rules");
    private static final Path JAR = Path.of("advisor-service", "target", "health-advisor.jar");

    @TempDir
    static Path temp;
    private static Path ledger;
    private static Map<String, List<String>> rowsByCompany;

    @BeforeAll
    static void generateTheLedger() throws IOException {
        ledger = temp.resolve("portfolio.csv");
        try (Writer out = Files.newBufferedWriter(ledger)) {
            PortfolioLedger.write(out, COMPANIES, 30, 14, 42);
        }
        rowsByCompany = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(ledger);
        for (String line : lines.subList(1, lines.size())) {
            String company = line.substring(0, line.indexOf(','));
            rowsByCompany.computeIfAbsent(company, c -> new ArrayList<>()).add(line.substring(line.indexOf(',') + 1));
        }
    }

    @Test
    void everyCompanyGetsTheDiagnosisTheCommandLineGivesItsRows() throws IOException {
        HealthAdvisor advisor = HealthAdvisor.fromRules(RULES);
        Map<String, Row> outcomes = new LinkedHashMap<>();
        try (SparkSession spark = session()) {
            PortfolioJob.diagnose(spark, PortfolioJob.read(spark, ledger.toString()), null, RULES).collectAsList()
                    .forEach(row -> outcomes.put(row.getString(0), row));
        }

        assertThat(outcomes).hasSize(COMPANIES);
        for (Map.Entry<String, List<String>> company : rowsByCompany.entrySet()) {
            Row outcome = outcomes.get(company.getKey());
            // What `diagnose --ledger FILE --company NAME` runs, on a file of the company's rows alone.
            String alone = HealthAdvisor.compactJson(advisor.diagnoseLedger(
                    new StringReader(ownLedger(company.getValue())), null, company.getKey()));
            assertThat(outcome.getString(5)).as(company.getKey()).isNull();
            assertThat(outcome.getString(4)).as(company.getKey()).isEqualTo(alone);
        }
        assertThat(outcomes.values().stream().map(row -> row.getString(2)).distinct().count())
                .as("the generated companies are not all alike").isGreaterThan(1);
    }

    /**
     * Names as spreadsheets write them (RFC 4180): a doubled quote inside a quoted value, a comma, a trailing
     * backslash. Each company keeps its name and gets the diagnosis the command line gives its rows; a row without
     * a company is refused apart.
     */
    @Test
    void awkwardNamesReadAsTheCommandLineReadsThem() throws IOException {
        Path awkward = temp.resolve("awkward.csv");
        StringBuilder csv = new StringBuilder("company_id,customer_id,month,mrr,product\n");
        Map<String, String> own = new LinkedHashMap<>();
        String[][] companies = {{"\"The \"\"Best\"\" Co\"", "The \"Best\" Co", "\"Pro \"\"Plus\"\"\""},
                {"\"Ends, with\\\"", "Ends, with\\", "Core"}};
        for (String[] company : companies) {
            StringBuilder rows = new StringBuilder("customer_id,month,mrr,product\n");
            for (int month = 1; month <= 4; month++) {
                for (int customer = 1; customer <= 3; customer++) {
                    String row = "c" + customer + ",2024-0" + month + "," + (100 * customer + month * 10) + ","
                            + company[2];
                    csv.append(company[0]).append(',').append(row).append('\n');
                    rows.append(row).append('\n');
                }
            }
            own.put(company[1], rows.toString());
        }
        // One row without its company: refused on its own, not the whole job.
        csv.append(",c9,2024-04,70,Core\n");
        Files.writeString(awkward, csv);
        HealthAdvisor advisor = HealthAdvisor.fromRules(RULES);
        Map<String, String> results = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        try (SparkSession spark = session()) {
            PortfolioJob.diagnose(spark, PortfolioJob.read(spark, awkward.toString()), null, RULES).collectAsList()
                    .forEach(row -> {
                        results.put(row.getString(0), row.getString(4));
                        errors.put(row.getString(0), row.getString(5));
                    });
        }

        assertThat(results).containsOnlyKeys("The \"Best\" Co", "Ends, with\\", "");
        assertThat(errors.get("")).isEqualTo("1 row(s) have no company_id: give each row its company; the other "
                + "companies are diagnosed without them");
        own.forEach((company, rows) -> assertThat(results.get(company)).as(company).isEqualTo(
                HealthAdvisor.compactJson(advisor.diagnoseLedger(new StringReader(rows), null, company))));
    }

    /** A Parquet ledger (the same rows, numbers typed) gives every company the same result as the CSV one. */
    @Test
    void aParquetLedgerGivesTheSameResultsAsItsCsv() throws IOException {
        Path parquet = temp.resolve("portfolio.parquet");
        Map<String, String> fromCsv = new LinkedHashMap<>();
        Map<String, String> fromParquet = new LinkedHashMap<>();
        try (SparkSession spark = session()) {
            spark.read().option("header", "true").option("inferSchema", "true").csv(ledger.toString())
                    .write().parquet(parquet.toString());
            PortfolioJob.diagnose(spark, PortfolioJob.read(spark, ledger.toString()), "2025-01", RULES)
                    .collectAsList().forEach(row -> fromCsv.put(row.getString(0), row.getString(4)));
            PortfolioJob.diagnose(spark, PortfolioJob.read(spark, parquet.toString()), "2025-01", RULES)
                    .collectAsList().forEach(row -> fromParquet.put(row.getString(0), row.getString(4)));
        }

        assertThat(fromParquet).hasSize(COMPANIES).isEqualTo(fromCsv);
    }

    /** The same, against the command line itself, the jar a user runs, for a few companies. */
    @Test
    void theCommandLineAgreesOnASampleOfCompanies() throws Exception {
        assertThat(JAR).as("the service jar (./mvnw package at the repository root) runs the command line")
                .exists();
        Path out = temp.resolve("results");
        PortfolioJob.main(new String[]{"--ledger", ledger.toString(), "--out", out.toString(), "--master",
                "local[2]"});

        List<String> lines;
        try (Stream<Path> parts = Files.list(out.resolve("jsonl"))) {
            lines = new ArrayList<>();
            for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        assertThat(lines).hasSize(COMPANIES);
        assertThat(Files.list(out.resolve("parquet")).anyMatch(p -> p.toString().endsWith(".parquet"))).isTrue();
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> results = new LinkedHashMap<>();
        lines.forEach(line -> {
            var row = json.readTree(line);
            results.put(row.get("company").asString(), row.get("result").asString());
        });
        // The three command lines run at once: each is a JVM of its own, mostly starting. What each says on standard
        // error goes to a file of its own, read only when it fails.
        Map<String, Process> commandLines = new LinkedHashMap<>();
        for (String company : List.of("co-0", "co-117", "co-" + (COMPANIES - 1))) {
            Path file = temp.resolve(company + ".csv");
            Files.writeString(file, ownLedger(rowsByCompany.get(company)));
            commandLines.put(company, new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", JAR.toString(), "diagnose", "--ledger", file.toString(), "--company", company,
                    "--rules", RULES.toString()).redirectError(temp.resolve(company + ".err").toFile()).start());
        }
        for (Map.Entry<String, Process> each : commandLines.entrySet()) {
            Process cli = each.getValue();
            String printed = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.exitValue()).as(() -> each.getKey() + ": " + errors(temp.resolve(each.getKey() + ".err")))
                    .isZero();
            assertThat(json.readTree(results.get(each.getKey()))).as(each.getKey()).isEqualTo(json.readTree(printed));
        }
    }

    private static String errors(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(its standard error could not be read: " + e.getMessage() + ")";
        }
    }

    private static String ownLedger(List<String> rows) {
        return "customer_id,month,mrr,users,product,market\n" + String.join("\n", rows) + "\n";
    }

    private static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("portfolio-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }
}
