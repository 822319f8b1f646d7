package com.healthadvisor.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The company memory as a finance lead, an analyst and an admin use it over HTTP; each subclass runs it on one
 * database (the embedded H2 file, a real PostgreSQL server).
 */
abstract class CompanyApiContract extends SharedService {

    static final String[] ADMIN = EDITOR_ADMIN;
    static final double[] ACCELERATING = {0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.04, 0.045, 0.05};
    private static final AtomicInteger COMPANIES = new AtomicInteger();

    static String company() {
        return "co-" + COMPANIES.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    Http.Response put(String company, String period, String document, String... headers) {
        return http().putJson("/api/v1/companies/" + company + "/snapshots/" + period, document, headers);
    }

    @Test
    void aViewerReadsAnAnalystStoresAnAdminDeletesAndNobodyElse() {
        String company = company();
        String january = month(0.02, 1).get(0);

        assertThat(http().get("/api/v1/companies").status()).isEqualTo(401);
        assertThat(put(company, "2024-01", january).status()).isEqualTo(401);
        assertThat(put(company, "2024-01", january, VIEWER).status()).isEqualTo(403);
        assertThat(put(company, "2024-01", january, ANALYST).status()).isEqualTo(201);
        assertThat(http().getWith("/api/v1/companies", VIEWER).body()).contains("\"company\":\"" + company + "\"");
        assertThat(http().getWith("/api/v1/companies/" + company + "/timeline", VIEWER).status()).isEqualTo(200);
        assertThat(http().delete("/api/v1/companies/" + company, ANALYST).status()).isEqualTo(403);
        assertThat(http().put("/api/v1/rules/files/benchmarks.csv", "x", VIEWER).status()).isEqualTo(403);

        Http.Response deleted = http().delete("/api/v1/companies/" + company, ADMIN);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("revisions_removed").asInt()).isEqualTo(1);
        assertThat(http().getWith("/api/v1/companies/" + company + "/timeline", VIEWER).status()).isEqualTo(404);
    }

    @Test
    void theSameDocumentAgainIsNoNewRevisionAndAChangedOneIs() {
        String company = company();

        Http.Response first = put(company, "2024-01", month(0.02, 1).get(0), ANALYST);
        Http.Response again = put(company, "2024-01", month(0.02, 1).get(0), ANALYST);
        Http.Response changed = put(company, "2024-01", month(0.03, 1).get(0), ANALYST);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("revision").asInt()).isEqualTo(1);
        assertThat(first.json().get("stored_by").asString()).isEqualTo("alice");
        assertThat(first.json().at("/diagnosis/rule_set/version").asString()).isNotBlank();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        assertThat(again.json().get("revision").asInt()).isEqualTo(1);
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.json().get("revision").asInt()).isEqualTo(2);
        String export = http().getWith("/api/v1/companies/" + company + "/export", VIEWER).body();
        assertThat(export.lines()).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"snapshot\":{",
                "\"diagnosis\":{", "\"rule_set_version\":"));
        // More exports than the pool has connections: each gives its connection back.
        for (int i = 0; i < 12; i++) {
            assertThat(http().getWith("/api/v1/companies/" + company + "/export", VIEWER).body().lines()).hasSize(2);
        }
    }

    @Test
    void twelveMonthsSentOneByOneAreJudgedAsOneSnapshotWithElevenInHistory() {
        String company = company();
        List<String> months = month(ACCELERATING);
        for (int i = 0; i < months.size(); i++) {
            assertThat(put(company, period(i), months.get(i), ANALYST).status()).isEqualTo(201);
        }

        JsonNode stored = http().getWith("/api/v1/companies/" + company + "/diagnoses/2024-12", VIEWER).json();
        JsonNode together = http().post("/api/v1/diagnoses", "application/json", withHistory(ACCELERATING)).json();

        assertThat(codes(stored)).isEqualTo(codes(together)).contains("CHURN_ACCELERATING");
        assertThat(stored.get("metrics")).isEqualTo(together.get("metrics"));
        JsonNode timeline = http().getWith("/api/v1/companies/" + company + "/timeline", VIEWER).json();
        assertThat(timeline.get("periods")).hasSize(12);
        assertThat(timeline.at("/periods/11/metrics").toString()).contains("\"code\":\"nrr\"", "\"window_months\":12");
        assertThat(timeline.at("/periods/11/codes").toString()).contains("CHURN_ACCELERATING");
    }

    @Test
    void aStoredPeriodsReportSaysWhatChangedSinceTheLastOneAndOpensWithIt() {
        String company = company();
        List<String> months = month(0.01, 0.09);
        put(company, "2024-01", months.get(0), ANALYST);
        put(company, "2024-02", months.get(1), ANALYST);

        JsonNode changes = http().getWith("/api/v1/companies/" + company + "/changes", VIEWER).json();
        String markdown = http().getWith("/api/v1/companies/" + company + "/diagnoses/2024-02", "Accept",
                "text/markdown", VIEWER[0], VIEWER[1]).body();
        String html = http().getWith("/api/v1/companies/" + company + "/diagnoses/2024-02", "Accept", "text/html",
                VIEWER[0], VIEWER[1]).body();

        assertThat(changes.get("from").asString()).isEqualTo("2024-01");
        assertThat(changes.get("to").asString()).isEqualTo("2024-02");
        assertThat(changes.get("new").toString()).contains("LOGO_CHURN_CRISIS");
        String summary = markdown.substring(markdown.indexOf("## Executive summary"));
        assertThat(summary.lines().filter(l -> !l.isBlank()).skip(1).findFirst().orElseThrow())
                .startsWith("**Since 2024-01:**");
        assertThat(markdown).contains("## Since last period (2024-01)", "**New**");
        assertThat(html).contains("<h2>Since last period (2024-01)</h2>", "class=\"since\"");
        JsonNode back = http().getWith("/api/v1/companies/" + company + "/changes?from=2024-02&to=2024-01",
                VIEWER).json();
        assertThat(back.get("resolved").toString()).contains("LOGO_CHURN_CRISIS");
    }

    @Test
    void aLedgerIsStoredMonthByMonthAndItsLastMonthIsJudgedAsTheLedgerItself() {
        String company = company();
        String ledger = ledger(14);

        Http.Response stored = http().post("/api/v1/companies/" + company + "/ledger", "text/csv", ledger, ANALYST);
        JsonNode last = http().getWith("/api/v1/companies/" + company + "/diagnoses/2025-02", VIEWER).json();
        JsonNode direct = http().post("/api/v1/diagnoses", "text/csv", ledger).json();

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.json().get("months").asInt()).isEqualTo(14);
        assertThat(codes(last)).isEqualTo(codes(direct));
        assertThat(last.get("metrics")).isEqualTo(direct.get("metrics"));
        assertThat(http().post("/api/v1/companies/" + company + "/ledger", "text/csv", ledger, ANALYST).json()
                .get("created").asInt()).isZero();
    }

    @Test
    void aRediagnosisRunsInTheBackgroundAndItsStatusSaysHowFarItGot() throws InterruptedException {
        String company = company();
        List<String> months = month(0.02, 0.03);
        put(company, "2024-01", months.get(0), ANALYST);
        put(company, "2024-02", months.get(1), ANALYST);

        Http.Response started = http().post("/api/v1/companies/rediagnose", "application/json", "", ANALYST);
        assertThat(started.status()).isEqualTo(202);
        String id = started.json().get("id").asString();
        JsonNode status = await().atMost(Duration.ofSeconds(60))
                .until(() -> http().getWith("/api/v1/companies/rediagnose/" + id, VIEWER).json(),
                        job -> !job.get("state").asString().equals("running"));

        assertThat(status.get("state").asString()).isEqualTo("done");
        assertThat(status.get("periods_done").asInt()).isEqualTo(status.get("periods").asInt())
                .isGreaterThanOrEqualTo(2);
        assertThat(http().getWith("/api/v1/companies/" + company + "/diagnoses/2024-02?rules=current", VIEWER)
                .json().at("/rule_set/version").asString())
                .isEqualTo(http().get("/api/v1/rules").json().get("version").asString());
    }

    @Test
    void aRuleChangePreviewIsTriedOnEachCompanysNewestStoredPeriod() {
        String company = company();
        put(company, "2024-01", month(0.06, 1).get(0), ANALYST);
        String benchmarks = Http.read(RULES.resolve("benchmarks.csv"));

        JsonNode preview = http().post("/api/v1/rules/preview", "application/json", Http.json(java.util.Map.of(
                "files", java.util.Map.of("benchmarks.csv",
                        ServiceTest.ChangingRules.sevenPercentCrisis(benchmarks)))), ANALYST).json();

        JsonNode companies = preview.get("companies");
        assertThat(companies.get("compared").asInt()).isEqualTo(companies.get("companies").asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(companies.get("moved").toString()).contains("\"company\":\"" + company + "\"");
        JsonNode move = java.util.stream.StreamSupport.stream(companies.get("moved").spliterator(), false)
                .filter(m -> m.get("company").asString().equals(company)).findFirst().orElseThrow();
        assertThat(move.get("disappeared").toString()).contains("LOGO_CHURN_CRISIS");
        assertThat(companies.get("summary").toString()).contains("LOGO_CHURN_CRISIS disappears for ");
    }

    @Test
    void badRequestsAreProblemsThatSayWhatIsWrong() {
        String company = company();
        String january = month(0.02, 1).get(0);

        Http.Response wrongPeriod = put(company, "2024-02", january, ANALYST);
        Http.Response badName = put("bad%20name", "2024-01", january, ANALYST);
        Http.Response unknown = http().getWith("/api/v1/companies/nobody-here/timeline", VIEWER);
        put(company, "2024-01", january, ANALYST);
        Http.Response badRules = http().getWith("/api/v1/companies/" + company + "/diagnoses/2024-01?rules=old",
                VIEWER);

        assertThat(wrongPeriod.status()).isEqualTo(400);
        assertThat(wrongPeriod.body()).contains("the document is for 2024-01, but it is sent as 2024-02");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(badRules.status()).isEqualTo(400);
    }

    static List<String> codes(JsonNode result) {
        List<String> codes = new ArrayList<>();
        result.get("diagnoses").forEach(d -> codes.add(d.get("code").asString()));
        return codes;
    }

    static String period(int index) {
        return String.format(Locale.ROOT, "%d-%02d", 2024 + index / 12, index % 12 + 1);
    }

    /** Monthly documents without history, as com.healthadvisor.company.MonthlyDocuments writes them. */
    static List<String> month(double... churnRates) {
        return com.healthadvisor.company.TestDocuments.withChurn(churnRates);
    }

    static List<String> month(double churn, int count) {
        double[] rates = new double[count];
        java.util.Arrays.fill(rates, churn);
        return month(rates);
    }

    static String withHistory(double... churnRates) {
        return com.healthadvisor.company.TestDocuments.lastWithHistory(churnRates);
    }

    /** A per-customer ledger of {@code months} months from January 2024: customers leave and join over time. */
    static String ledger(int months) {
        StringBuilder csv = new StringBuilder("customer_id,month,mrr,product\n");
        for (int m = 0; m < months; m++) {
            String month = period(m);
            for (int c = m / 2; c < 60 + m; c++) {
                csv.append("c").append(c).append(',').append(month).append(',').append(100 + c + m)
                        .append(',').append(c % 3 == 0 ? "Legacy" : "Core").append('\n');
            }
        }
        return csv.toString();
    }
}
