package com.healthadvisor.cli;

import com.healthadvisor.company.TestDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The company memory from a script while the service holds the database: every subcommand through the service's
 * HTTP API ({@code --service URL} with a token), answering as it does on the database itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompaniesThroughServiceTest {

    private static final String TOKEN = "through-service-admin-token";
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

    Cli.Run companies(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "companies";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--service";
        all[args.length + 2] = "http://localhost:" + port;
        all[args.length + 3] = "--token";
        all[args.length + 4] = TOKEN;
        return Cli.run(all);
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

    private static Path temporary() {
        try {
            return Files.createTempDirectory("advisor-through-service");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
