package com.healthadvisor.cli;

import com.healthadvisor.company.TestDocuments;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The company memory from a script: the same database file, the same answers as over HTTP. */
class CompaniesCommandTest {

    final String database;

    CompaniesCommandTest() throws IOException {
        database = "jdbc:h2:file:" + Files.createTempDirectory("advisor-cli").resolve("advisor") + ";LOCK_TIMEOUT=60000";
    }

    Cli.Run companies(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "companies";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--database";
        all[args.length + 2] = database;
        return Cli.run(all);
    }

    @Test
    void aScriptStoresMonthsReadsTheTimelineTheChangesAndAReportThenExportsAndDeletes() throws IOException {
        List<String> months = TestDocuments.withChurn(0.01, 0.09);
        Path dir = Files.createTempDirectory("advisor-months");
        Files.writeString(dir.resolve("jan.json"), months.get(0));
        Files.writeString(dir.resolve("feb.json"), months.get(1));

        Cli.Run january = companies("put", "acme", dir.resolve("jan.json").toString(), "--as", "finance");
        Cli.Run february = companies("put", "acme", dir.resolve("feb.json").toString());
        Cli.Run again = companies("put", "acme", dir.resolve("feb.json").toString());
        Cli.Run list = companies("list");
        Cli.Run timeline = companies("timeline", "acme");
        Cli.Run changes = companies("changes", "acme", "--from", "2024-01", "--to", "2024-02");
        Cli.Run report = companies("diagnosis", "acme", "2024-02", "--format", "markdown");
        Cli.Run export = companies("export", "acme");

        assertThat(january.exitCode()).as(january.err()).isZero();
        assertThat(january.out()).contains("\"revision\" : 1", "\"created\" : true");
        assertThat(february.out()).contains("\"period\" : \"2024-02\"");
        assertThat(again.out()).contains("\"created\" : false");
        assertThat(list.out()).contains("\"company\" : \"acme\"", "\"latest_period\" : \"2024-02\"");
        assertThat(timeline.out()).contains("\"period\" : \"2024-01\"", "\"period\" : \"2024-02\"");
        assertThat(changes.out()).contains("LOGO_CHURN_CRISIS");
        assertThat(report.out()).contains("## Since last period (2024-01)");
        assertThat(export.out().lines()).hasSize(2).first().asString().contains("\"stored_by\":\"finance\"");

        Cli.Run deleted = companies("delete", "acme");
        Cli.Run gone = companies("timeline", "acme");

        assertThat(deleted.out()).contains("deleted acme: 2 revision(s)");
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).contains("no company \"acme\" is stored");
    }

    @Test
    void aLedgerIsStoredAllAtOnceAndRediagnosedUnderTheRulesGiven() throws IOException {
        Path ledger = Files.createTempFile("ledger", ".csv");
        StringBuilder csv = new StringBuilder("customer_id,month,mrr\n");
        for (int m = 1; m <= 4; m++) {
            for (int c = 0; c < 30 - m; c++) {
                csv.append("c").append(c).append(",2024-0").append(m).append(',').append(100 + c).append('\n');
            }
        }
        Files.writeString(ledger, csv);

        Cli.Run stored = companies("ledger", "gen", ledger.toString());
        Cli.Run rediagnosed = companies("rediagnose");

        assertThat(stored.exitCode()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("2024-01 revision 1 stored", "4 months of gen stored");
        assertThat(rediagnosed.out()).contains("4 period(s) of 1 company(ies) diagnosed under rule set ");
    }

    @Test
    void aBadCompanyNameOrAnInvalidSnapshotIsRefusedWithExitCode2() throws IOException {
        Path bad = Files.createTempFile("bad", ".json");
        Files.writeString(bad, "{\"period\":\"2024-13\"}");
        Path good = Files.createTempFile("good", ".json");
        Files.writeString(good, TestDocuments.withChurn(0.02).get(0));

        Cli.Run invalid = companies("put", "acme", bad.toString());
        Cli.Run badName = companies("put", "no/slash", good.toString());

        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains("/period");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("a company name is a letter or digit");
    }
}
