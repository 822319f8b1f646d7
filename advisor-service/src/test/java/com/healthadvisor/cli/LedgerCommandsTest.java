package com.healthadvisor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerCommandsTest {

    private static final String LEDGER = "fixtures/ledger-legacy-decline-hidden-by-new-product.csv";

    @Test
    void snapshotPrintsTheSnapshotOfTheLastMonth() {
        Cli.Run run = Cli.run("snapshot", "--ledger", LEDGER);

        assertThat(run.exitCode()).isZero();
        assertThat(DiagnoseCommandTest.json(run.out()).get("period").asString()).isEqualTo("2024-06");
        assertThat(run.out()).contains("\"breakdowns\"", "\"cohorts\"", "\"customer_revenue\"", "\"history\"");
    }

    @Test
    void diagnosingALedgerFindsTheDeclineHiddenByTheBlend() {
        Cli.Run run = Cli.run("diagnose", "--ledger", LEDGER);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"code\" : \"SEGMENT_HIDDEN_DECLINE\"", "\"scope\" : \"product:Legacy\"");
    }

    @Test
    void aLedgerOfMoreThanAYearIsJudgedOnTheNrrOfTheCustomersOfAYearAgo(@TempDir Path dir) {
        Path ledger = dir.resolve("ledger.csv");
        assertThat(Cli.runTool("generate-ledger", "--customers", "200", "--months", "14", "--out", ledger.toString())
                .exitCode()).isZero();

        Cli.Run run = Cli.run("diagnose", "--ledger", ledger.toString());

        assertThat(run.exitCode()).isZero();
        var nrr = java.util.stream.StreamSupport.stream(DiagnoseCommandTest.json(run.out()).get("metrics").spliterator(),
                false).filter(m -> m.get("code").asString().equals("nrr") && m.get("scope").asString().equals("company"))
                .findFirst().orElseThrow();
        assertThat(nrr.get("window_months").asInt()).isEqualTo(12);
    }

    @Test
    void aMissingMonthIsRefusedUnlessAllowed(@TempDir Path dir) throws IOException {
        Path gap = dir.resolve("gap.csv");
        Files.writeString(gap, "customer_id,month,mrr\na,2024-01,100\na,2024-03,100\n");

        Cli.Run refused = Cli.run("snapshot", "--ledger", gap.toString());
        Cli.Run allowed = Cli.run("diagnose", "--ledger", gap.toString(), "--allow-empty-months");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("2024-02 has no rows");
        assertThat(allowed.exitCode()).isZero();
    }

    @Test
    void anEarlierPeriodCanBeChosen() {
        Cli.Run run = Cli.run("snapshot", "--ledger", LEDGER, "--period", "2024-03");

        assertThat(DiagnoseCommandTest.json(run.out()).get("period").asString()).isEqualTo("2024-03");
    }

    @Test
    void badRowsExitTwoAndPrintNothingPartial(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "customer_id,month,mrr\na,2024-01,10\nb,2024-13,5\n");

        Cli.Run run = Cli.run("snapshot", "--ledger", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 3: month must be YYYY-MM (was \"2024-13\")");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aSnapshotFileAndALedgerTogetherAreBadUsage() {
        Cli.Run run = Cli.run("diagnose", "fixtures/seed-1-healthy-saas.json", "--ledger", LEDGER);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give one of: a snapshot FILE, --ledger FILE, --stripe FILE...");
    }

    @Test
    void theGeneratorWritesOneRowPerCustomerPerMonth(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("ledger.csv");

        Cli.Run run = Cli.runTool("generate-ledger", "--customers", "100", "--months", "6", "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1 + 100 * 6);
        assertThat(Cli.run("snapshot", "--ledger", out.toString()).exitCode()).isZero();
    }
}
