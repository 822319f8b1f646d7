package com.healthadvisor.cli;

import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.company.TestDocuments;
import com.healthadvisor.company.TimelineEntry;
import com.healthadvisor.json.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The company memory from a script while the service holds the database: every subcommand through the service's
 * HTTP API ({@code --service URL} with a token), answering as it does on the database itself. A Stripe export
 * through the command line ({@code import}, then {@code companies ledger}) and through the API ({@code POST
 * .../imports/stripe}) lands as the same stored periods with the same diagnoses (WorkbenchBrowserIT drops the same
 * file on the workbench).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompaniesThroughServiceTest {

    private static final String TOKEN = "through-service-admin-token";
    private static final Path ROOT = ThroughService.temporary("advisor-through-service");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ThroughService.settings(registry, ROOT, TOKEN);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    CompanyMemory memory;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A company's Stripe export (docs/imports.md), the one README's tour reads. */
    static final Path EXPORT = Path.of("fixtures/exports/stripe-subscriptions.jsonl");

    Cli.Run companies(String... args) {
        return ThroughService.run(port, TOKEN, "companies", args);
    }

    @Test
    void aScriptStoresReadsExportsAndDeletesThroughTheService() throws IOException {
        List<String> months = TestDocuments.withChurn(0.01, 0.09);
        Path dir = Files.createTempDirectory("advisor-months");
        Files.writeString(dir.resolve("jan.json"), months.get(0));
        Files.writeString(dir.resolve("feb.json"), months.get(1));

        Cli.Run january = companies("put", "acme-one", dir.resolve("jan.json").toString());
        Cli.Run february = companies("put", "acme-one", dir.resolve("feb.json").toString());
        Cli.Run again = companies("put", "acme-one", dir.resolve("feb.json").toString());
        Cli.Run list = companies("list");
        Cli.Run timeline = companies("timeline", "acme-one");
        Cli.Run changes = companies("changes", "acme-one", "--from", "2024-01", "--to", "2024-02");
        Cli.Run report = companies("diagnosis", "acme-one", "2024-02", "--format", "markdown");
        Cli.Run json = companies("diagnosis", "acme-one", "2024-02", "--now");
        Cli.Run export = companies("export", "acme-one");
        Cli.Run rediagnose = companies("rediagnose");

        assertThat(january.exitCode()).as(january.err()).isZero();
        assertThat(january.out()).contains("\"revision\":1", "\"created\":true");
        assertThat(february.out()).contains("\"period\":\"2024-02\"");
        assertThat(again.out()).contains("\"created\":false");
        assertThat(list.out()).contains("\"company\":\"acme-one\"", "\"latest_period\":\"2024-02\"");
        assertThat(timeline.out()).contains("\"period\":\"2024-01\"", "\"period\":\"2024-02\"");
        assertThat(changes.out()).contains("LOGO_CHURN_CRISIS");
        assertThat(report.out()).contains("## Since last period (2024-01)");
        assertThat(json.out()).contains("\"health\"");
        assertThat(export.out().lines()).hasSize(2).first().asString().contains("\"stored_by\":\"admin\"");
        assertThat(rediagnose.exitCode()).as(rediagnose.err()).isZero();
        assertThat(rediagnose.out()).contains("period(s) of", "diagnosed under rule set");

        Cli.Run deleted = companies("delete", "acme-one");
        Cli.Run gone = companies("timeline", "acme-one");

        assertThat(deleted.out()).contains("deleted acme-one");
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).startsWith("error: the service answered 404");
    }

    @Test
    void aLedgerIsStoredThroughTheServiceAllMonthsOrNone() {
        Cli.Run stored = companies("ledger", "ledger-co", "fixtures/ledger-legacy-decline-hidden-by-new-product.csv");
        Cli.Run refused = Cli.runWithInput("customer_id,month,mrr\nc1,2024-13,5\n", "companies", "ledger", "bad-co", "-",
                "--service", "http://localhost:" + port, "--token", TOKEN);

        assertThat(stored.exitCode()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("2024-06 revision 1 stored", "6 months of ledger-co stored");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("error: the service answered 400", "line 2");
    }

    @Test
    void aWrongTokenIsTheServicesRefusalAndNoTokenIsSaidBeforeAsking() {
        Cli.Run wrong = Cli.run("companies", "list", "--service", "http://localhost:" + port, "--token", "nope");

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("error: the service answered 401");
    }

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
}
