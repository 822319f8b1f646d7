package com.healthadvisor.cli;

import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.company.TimelineEntry;
import com.healthadvisor.json.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Stripe export of a company through the command line ({@code import}, then {@code companies ledger} against the
 * service) and through the API ({@code POST .../imports/stripe}) lands as the same stored periods with the same
 * diagnoses; a bad export through the API stores nothing and names the object. (WorkbenchBrowserIT drops the same
 * file on the workbench.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportThroughTheDoorsTest {

    static final Path EXPORT = Path.of("fixtures/exports/stripe-subscriptions.jsonl");
    private static final String TOKEN = "import-doors-admin-token";
    private static final Path ROOT = temporary();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules", () -> com.healthadvisor.TestFiles.copy(Path.of("rules"), ROOT.resolve("rules"),
                "[^.].*").toString());
        registry.add("advisor.fixtures", () -> ROOT.resolve("no-fixtures").toString());
        registry.add("advisor.admin-token", () -> TOKEN);
        registry.add("advisor.watch", () -> "false");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + ROOT.resolve("db/advisor"));
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    CompanyMemory memory;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theCommandLineAndTheApiStoreTheSameMonthsWithTheSameDiagnoses() throws Exception {
        Path ledger = ROOT.resolve("imported.csv");
        var imported = Cli.run("import", "stripe", EXPORT.toString(), "--out", ledger.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("read 420 subscriptions").contains("2024-01 to 2025-11");
        var stored = Cli.run("companies", "ledger", "via-cli", ledger.toString(), "--service",
                "http://localhost:" + port, "--token", TOKEN);
        assertThat(stored.exitCode()).as(stored.err()).isZero();

        HttpResponse<String> response = post("/api/v1/companies/via-api/imports/stripe", Files.readString(EXPORT),
                "application/x-ndjson");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = Json.PLAIN.readTree(response.body());
        assertThat(body.path("subscriptions").asInt()).isEqualTo(420);
        assertThat(body.path("months").asInt()).isEqualTo(23);
        assertThat(body.path("currency").asString()).isEqualTo("USD");
        List<TimelineEntry> viaApi = memory.timeline("via-api");
        List<TimelineEntry> viaCli = memory.timeline("via-cli");
        assertThat(viaApi).hasSize(23);
        assertThat(withoutTimes(viaApi)).isEqualTo(withoutTimes(viaCli));
        assertThat(viaApi.get(viaApi.size() - 1).codes()).isNotEmpty();
    }

    @Test
    void aBadExportIsRefusedNamingTheObjectAndNothingIsStored() throws Exception {
        String bad = Files.readString(EXPORT).lines().limit(3).reduce("", (a, b) -> a + b + "\n")
                + "{\"id\": \"sub_broken\", \"object\": \"subscription\", \"currency\": \"usd\"}\n";

        HttpResponse<String> response = post("/api/v1/companies/refused-co/imports/stripe", bad, "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Invalid billing export").contains("sub_broken").contains("no customer");
        assertThat(memory.timeline("refused-co")).isEmpty();
        assertThat(post("/api/v1/companies/refused-co/imports/paypal", bad, "application/json").body())
                .contains("unknown source \\\"paypal\\\"");
    }

    private HttpResponse<String> post(String path, String body, String type) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a period's diagnosis says, without when it was made. */
    private static List<List<Object>> withoutTimes(List<TimelineEntry> timeline) {
        return timeline.stream().map(entry -> List.<Object>of(entry.period(), entry.revision(), entry.health(),
                entry.ruleSetVersion(), entry.metrics(), entry.codes())).toList();
    }

    private static Path temporary() {
        try {
            return Files.createTempDirectory("import-doors");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
