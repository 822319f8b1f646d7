package com.healthadvisor.web;

import com.healthadvisor.TestFiles;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The service end to end over HTTP, on a copy of the default rules (the shared service). */
class ServiceTest extends SharedService {

    String seed(String name) {
        return Http.read(Path.of("fixtures", name + ".json"));
    }

    @Nested
    class Diagnosing {

        @Test
        void aSnapshotGetsItsRankedDiagnosisAndTheRuleSetVersion() {
            Http.Response response = http().post("/api/v1/diagnoses", "application/json", seed("seed-2-warning-signs"));

            assertThat(response.status()).isEqualTo(200);
            JsonNode result = response.json();
            assertThat(result.get("diagnoses").get(0).get("code").asString()).isEqualTo("RETENTION_FIRST");
            assertThat(result.get("rule_set").get("version").asString())
                    .isEqualTo(http().get("/api/v1/rules").json().get("version").asString());
        }

        @Test
        void aBadSnapshotIsA400ProblemWithThePointerOfEveryBadField() {
            Http.Response response = http().post("/api/v1/diagnoses", "application/json",
                    "{\"period\":\"June\",\"mrr\":{\"churned\":-5}}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode errors = response.json().get("errors");
            assertThat(errors).hasSize(2);
            assertThat(errors.get(0).get("pointer").asString()).isEqualTo("/period");
            assertThat(errors.get(1).get("pointer").asString()).isEqualTo("/mrr/churned");
            assertThat(errors.get(1).get("detail").asString()).isEqualTo("must not be negative (was -5)");
            assertThat(response.body()).doesNotContain("Exception", "at com.");
        }

        @Test
        void theReportIsServedInTheFormatTheClientAccepts() {
            String snapshot = seed("seed-3-blended-metrics-hiding-problems");

            Http.Response markdown = http().post("/api/v1/diagnoses", "application/json", snapshot, "Accept", "text/markdown");
            Http.Response html = http().post("/api/v1/diagnoses", "application/json", snapshot, "Accept", "text/html");
            Http.Response fragment = http().post("/api/v1/diagnoses?fragment=true", "application/json", snapshot,
                    "Accept", "text/html");
            Http.Response preferred = http().post("/api/v1/diagnoses", "application/json", snapshot,
                    "Accept", "text/html;q=0.5, text/markdown");

            assertThat(markdown.contentType()).startsWith("text/markdown");
            assertThat(markdown.body()).startsWith("# Multi-product SaaS platform");
            assertThat(html.contentType()).startsWith("text/html");
            assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<svg");
            assertThat(fragment.body().strip()).startsWith("<section class=\"ha-report\">");
            assertThat(preferred.contentType()).startsWith("text/markdown");
        }

        @Test
        void aPdfReportIsServedForAcceptApplicationPdf() {
            Http.Response pdf = http().post("/api/v1/diagnoses", "application/json", seed("seed-2-warning-signs"),
                    "Accept", "application/pdf");

            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.body()).startsWith("%PDF-").contains("%%EOF");
            assertThat(http().getWith("/actuator/prometheus", ADMIN).body())
                    .contains("advisor_diagnoses_seconds_count{format=\"pdf\",input=\"snapshot\",outcome=\"ok\"}");
        }

        @Test
        void aLedgerIsDiagnosedFromCsv() {
            String ledger = Http.read(Path.of("fixtures/ledger-legacy-decline-hidden-by-new-product.csv"));

            Http.Response response = http().post("/api/v1/diagnoses?period=2024-06&company=Acme%20Analytics", "text/csv",
                    ledger);
            Http.Response bad = http().post("/api/v1/diagnoses", "text/csv", "customer_id,month,mrr\na,June,5\n");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("SEGMENT_HIDDEN_DECLINE");
            assertThat(response.json().get("company").asString()).isEqualTo("Acme Analytics");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("detail").asString()).isEqualTo("line 2: month must be YYYY-MM (was \"June\")");
        }

        @Test
        void aFormatItCannotProduceIsA406() {
            assertThat(http().post("/api/v1/diagnoses", "application/json", "{\"period\":\"2024-06\"}",
                    "Accept", "image/png").status()).isEqualTo(406);
        }

        @Test
        void unparseableJsonIsA400() {
            assertThat(http().post("/api/v1/diagnoses", "application/json", "{nope").status()).isEqualTo(400);
        }

        @Test
        void anUnsupportedMediaTypeIsA415() {
            Http.Response response = http().post("/api/v1/diagnoses", "application/xml", "<snapshot/>");

            assertThat(response.status()).isEqualTo(415);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }

        @Test
        void aBodyOverFiveMegabytesIsA413() {
            Http.Response response = http().post("/api/v1/diagnoses", "application/json",
                    "{\"company\":\"" + "x".repeat(6 * 1024 * 1024) + "\",\"period\":\"2024-06\"}");

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().get("detail").asString()).contains("5 MB");
        }
    }

    @Nested
    class ReadingRules {

        @Test
        void theActiveRuleSetIsListedWithItsLastReload() {
            JsonNode rules = http().get("/api/v1/rules").json();

            assertThat(rules.get("version").asString()).matches("[0-9a-f]{8}");
            assertThat(rules.get("rules").asInt()).isGreaterThan(40);
            assertThat(rules.get("files").toString()).contains("retention.drl", "benchmarks.csv");
            assertThat(rules.get("last_reload").has("succeeded")).isTrue();
        }

        @Test
        void aRuleFileCanBeReadAndAnUnknownOneIsA404() {
            assertThat(http().get("/api/v1/rules/files/limits.csv").body()).contains("blended_average_spread");
            Http.Response missing = http().get("/api/v1/rules/files/nothing.drl");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.contentType()).startsWith("application/problem+json");
        }

        @Test
        void healthIsUpWithTheRuleSetDetails() {
            JsonNode health = http().getWith("/actuator/health", ADMIN).json();

            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/rules/details/version").asString()).matches("[0-9a-f]{8}");
        }

        @Test
        void anOpenApiDescriptionIsServed() {
            Http.Response docs = http().get("/v3/api-docs");

            assertThat(docs.status()).isEqualTo(200);
            assertThat(docs.body()).contains("/api/v1/diagnoses", "/api/v1/rules/files/{name}");
            JsonNode api = docs.json();
            // The snapshot's own JSON Schema describes the body, with every section.
            assertThat(api.at("/paths/~1api~1v1~1diagnoses/post/requestBody/content/application~1json/schema/$ref")
                    .asString()).isEqualTo("#/components/schemas/Snapshot");
            assertThat(api.at("/components/schemas/Snapshot/properties/finance/anyOf/0/$ref").asString())
                    .isEqualTo("#/components/schemas/SnapshotFinance");
            assertThat(api.at("/components/schemas/Snapshot/properties/year_ago_customers").isMissingNode()).isFalse();
            assertThat(api.at("/components/schemas/SnapshotMrr/properties/acquired").isMissingNode()).isFalse();
            assertThat(api.at("/components/schemas/SnapshotFinance/properties/net_burn").isMissingNode()).isFalse();
        }

        @Test
        void everyOperationSaysWhatItIsForWhoMayCallItAndItsProblems() {
            JsonNode api = http().get("/v3/api-docs").json();
            JsonNode diagnose = api.at("/paths/~1api~1v1~1diagnoses/post");

            assertThat(api.at("/info/title").asString()).isEqualTo("Health Advisor API");
            assertThat(api.at("/info/version").asString()).doesNotContain("v0").isNotBlank();
            assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
            assertThat(api.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-API-Key");
            assertThat(diagnose.at("/requestBody/content").propertyNames()).containsExactly("application/json", "text/csv");
            assertThat(diagnose.at("/responses/200/content/application~1json/schema/$ref").asString())
                    .isEqualTo("#/components/schemas/DiagnosisResult");
            assertThat(api.at("/components/schemas/DiagnosisResult/properties/not_assessed").isMissingNode()).isFalse();
            assertThat(api.at("/components/schemas/RuleSetView/properties/loaded_at").isMissingNode()).isFalse();
            assertThat(api.at("/components/schemas/RuleSetView/properties/loadedAt").isMissingNode()).isTrue();
            api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                String name = operation.getKey() + " " + path.getKey();
                assertThat(operation.getValue().get("summary")).as(name).isNotNull();
                assertThat(operation.getValue().get("security")).as(name).isNotNull();
                assertThat(operation.getValue().at("/responses/4XX/content/application~1problem+json").isMissingNode())
                        .as(name).isFalse();
            }));
            assertThat(http().get("/swagger-ui/index.html").status()).isEqualTo(200);
        }

        /** The description as served passes the lint (ApiDescriptionLint: the specification and the usual rules). */
        @Test
        void theDescriptionPassesTheLinter() throws Exception {
            String served = http().get("/v3/api-docs").body();
            Files.writeString(TestFiles.BUILD.resolve("openapi.json"), served);

            assertThat(ApiDescriptionLint.problems(served)).isEmpty();
        }
    }

    @Nested
    class ChangingRules {

        @Test
        void validateCompilesWithoutActivating() {
            String version = http().get("/api/v1/rules").json().get("version").asString();
            String limits = Http.read(RULES.resolve("limits.csv"));

            JsonNode good = http().post("/api/v1/rules/validate?name=limits.csv", "text/plain",
                    limits.replace("blended_average_spread,10,", "blended_average_spread,12,"), ADMIN).json();
            JsonNode bad = http().post("/api/v1/rules/validate?name=limits.csv", "text/plain",
                    limits.replace("blended_average_spread,10,", "blended_average_spread,ten,"), ADMIN).json();

            assertThat(good.get("valid").asBoolean()).isTrue();
            assertThat(bad.get("valid").asBoolean()).isFalse();
            int line = limits.substring(0, limits.indexOf("blended_average_spread,10,")).split("\n", -1).length;
            assertThat(bad.get("errors").get(0).get("text").asString())
                    .startsWith("limits.csv:" + line + ": value of blended_average_spread");
            assertThat(http().get("/api/v1/rules").json().get("version").asString()).isEqualTo(version);
        }

        @Test
        void aGoodChangeIsActivatedAndThePreviousVersionKept() throws IOException {
            String before = Http.read(RULES.resolve("concentration.yaml"));
            String after = before.replace("Give each of the largest accounts an executive sponsor and a renewal plan",
                    "Call the ten largest accounts this quarter");

            Http.Response response = http().put("/api/v1/rules/files/concentration.yaml", after, ADMIN);

            assertThat(response.status()).isEqualTo(200);
            assertThat(Http.read(RULES.resolve("concentration.yaml"))).isEqualTo(after);
            // The version before, in the history, still has the file as it was.
            JsonNode versions = http().get("/api/v1/rules/versions").json();
            String previous = versions.get(1).get("id").asString();
            assertThat(http().get("/api/v1/rules/versions/" + previous).json().at("/files/concentration.yaml")
                    .asString()).isEqualTo(before);
            assertThat(versions.get(0).get("changed").toString()).contains("concentration.yaml");
            String version = response.json().get("version").asString();
            assertThat(http().get("/api/v1/rules").json().get("version").asString()).isEqualTo(version);
            http().put("/api/v1/rules/files/concentration.yaml", before, ADMIN);
        }

        @Test
        void aChangeThatDoesNotCompileIsA422AndLeavesEverythingAsItWas() {
            String before = Http.read(RULES.resolve("growth.drl"));
            String version = http().get("/api/v1/rules").json().get("version").asString();

            Http.Response response = http().put("/api/v1/rules/files/growth.drl",
                    before.replace("band == \"leaky_bucket\"", "band == \"leaky\""), ADMIN);

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("errors").get(0).get("text").asString())
                    .isEqualTo("growth.drl:11: no band \"leaky\" for quick_ratio in benchmarks.csv");
            assertThat(Http.read(RULES.resolve("growth.drl"))).isEqualTo(before);
            assertThat(http().get("/api/v1/rules").json().get("version").asString()).isEqualTo(version);
            assertThat(http().get("/api/v1/rules").json().at("/last_reload/succeeded").asBoolean()).isFalse();
        }

        /** README's example: logo churn's crisis threshold from 5% to 7%, saved as an analyst would save it. */
        static String sevenPercentCrisis(String benchmarks) {
            return benchmarks
                    .replace("logo_churn_rate_monthly,acceptable,2% to 5%,,smb|mixed|none",
                            "logo_churn_rate_monthly,acceptable,2% to 7%,,smb|mixed|none")
                    .replace("logo_churn_rate_monthly,crisis,> 5%,,smb|mixed|none",
                            "logo_churn_rate_monthly,crisis,> 7%,,smb|mixed|none");
        }

        static final String SIX_PERCENT_CHURN = """
                {"period":"2024-06","profile":{"market":"smb"},
                 "customers":{"starting":1000,"new":0,"churned":60,"ending":940}}""";

        @Test
        void readmesThresholdEditIsAppliedAndTheScenariosItMovesAreReported() {
            String benchmarks = Http.read(RULES.resolve("benchmarks.csv"));
            assertThat(codes(http().post("/api/v1/diagnoses", "application/json", SIX_PERCENT_CHURN)))
                    .contains("LOGO_CHURN_CRISIS");

            Http.Response response = http().put("/api/v1/rules/files/benchmarks.csv", sevenPercentCrisis(benchmarks),
                    ADMIN);

            assertThat(response.status()).isEqualTo(200);
            JsonNode moved = response.json().at("/last_reload/moved_scenarios");
            assertThat(moved.toString()).contains("seed-2-warning-signs.expected.json:", "missing LOGO_CHURN_CRISIS");
            assertThat(codes(http().post("/api/v1/diagnoses", "application/json", SIX_PERCENT_CHURN)))
                    .doesNotContain("LOGO_CHURN_CRISIS");
            assertThat(http().put("/api/v1/rules/files/benchmarks.csv", benchmarks, ADMIN).status()).isEqualTo(200);
        }

        @Test
        void aChangeThatBreaksAGuardIsRefusedAtTheLineOfTheGuard() throws IOException {
            String limits = Http.read(RULES.resolve("limits.csv"));
            String version = http().get("/api/v1/rules").json().get("version").asString();

            Http.Response response = http().put("/api/v1/rules/files/limits.csv",
                    limits.replace("retention_first_min_flags,2,", "retention_first_min_flags,9,"), ADMIN);

            assertThat(response.status()).isEqualTo(422);
            List<String> expectation = Files.readAllLines(FIXTURES.resolve("seed-2-warning-signs.expected.json"));
            int guardLine = expectation.indexOf(expectation.stream().filter(l -> l.contains("\"guard\"")).findFirst()
                    .orElseThrow()) + 1;
            assertThat(response.json().get("errors").toString()).contains("seed-2-warning-signs.expected.json:"
                    + guardLine + ": guard seed-2-warning-signs: /guard/top: top diagnosis is");
            assertThat(Http.read(RULES.resolve("limits.csv"))).isEqualTo(limits);
            assertThat(http().get("/api/v1/rules").json().get("version").asString()).isEqualTo(version);
        }

        @Test
        void aPreviewShowsTheMovesAndAppliesExactlyThatChange() {
            String benchmarks = Http.read(RULES.resolve("benchmarks.csv"));
            String version = http().get("/api/v1/rules").json().get("version").asString();

            JsonNode preview = http().post("/api/v1/rules/preview", "application/json",
                    Http.json(java.util.Map.of("files", java.util.Map.of("benchmarks.csv",
                            sevenPercentCrisis(benchmarks)))), ADMIN).json();

            assertThat(preview.get("applicable").asBoolean()).isTrue();
            assertThat(preview.get("base_version").asString()).isEqualTo(version);
            assertThat(preview.get("summary").toString()).contains("LOGO_CHURN_CRISIS disappears from 1 fixture");
            assertThat(preview.get("moved").get(0).get("fixture").asString()).isEqualTo("seed-2-warning-signs");
            assertThat(http().get("/api/v1/rules").json().get("version").asString()).isEqualTo(version);
            assertThat(Http.read(RULES.resolve("benchmarks.csv"))).isEqualTo(benchmarks);

            Http.Response applied = http().post("/api/v1/rules/previews/" + preview.get("id").asString() + "/apply",
                    "application/json", "", ADMIN);

            assertThat(applied.status()).isEqualTo(200);
            assertThat(applied.json().get("version").asString()).isEqualTo(preview.get("version").asString());
            assertThat(Http.read(RULES.resolve("benchmarks.csv"))).isEqualTo(sevenPercentCrisis(benchmarks));
            assertThat(http().post("/api/v1/rules/previews/" + preview.get("id").asString() + "/apply",
                    "application/json", "", ADMIN).status()).isEqualTo(404);

            // Back the same way: the original files give the original version.
            JsonNode back = http().post("/api/v1/rules/preview", "application/json",
                    Http.json(java.util.Map.of("files", java.util.Map.of("benchmarks.csv", benchmarks))), ADMIN).json();
            assertThat(http().post("/api/v1/rules/previews/" + back.get("id").asString() + "/apply",
                    "application/json", "", ADMIN).json().get("version").asString()).isEqualTo(version);
        }

        @Test
        void aPreviewMadeBeforeAnotherChangeIsRefusedWhenApplied() {
            String benchmarks = Http.read(RULES.resolve("benchmarks.csv"));
            String wording = Http.read(RULES.resolve("growth.yaml"));
            JsonNode preview = http().post("/api/v1/rules/preview", "application/json",
                    Http.json(java.util.Map.of("files", java.util.Map.of("benchmarks.csv",
                            sevenPercentCrisis(benchmarks)))), ADMIN).json();
            http().put("/api/v1/rules/files/growth.yaml", wording.replace("Growth is running on a treadmill.",
                    "Growth runs on a treadmill."), ADMIN);

            Http.Response applied = http().post("/api/v1/rules/previews/" + preview.get("id").asString() + "/apply",
                    "application/json", "", ADMIN);

            assertThat(applied.status()).isEqualTo(409);
            assertThat(applied.body()).contains("preview the change again");
            assertThat(Http.read(RULES.resolve("benchmarks.csv"))).isEqualTo(benchmarks);
            http().put("/api/v1/rules/files/growth.yaml", wording, ADMIN);
        }

        private static List<String> codes(Http.Response response) {
            List<String> codes = new java.util.ArrayList<>();
            response.json().get("diagnoses").forEach(d -> codes.add(d.get("code").asString()));
            return codes;
        }

        @Test
        void aRuleThatReachesOutsideTheFactsIsRefused() {
            Http.Response response = http().put("/api/v1/rules/files/escape.drl", """
                    package rules;
                    import com.healthadvisor.facts.Metric;
                    rule "Escape"
                    when
                        Metric(code == "mrr")
                    then
                        java.lang.Runtime.getRuntime().exec(new String[] {"touch", "/tmp/escaped"});
                    end
                    """, ADMIN);

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body()).contains("escape.drl:");
            assertThat(RULES.resolve("escape.drl")).doesNotExist();
        }

        @Test
        void aFileCanBeAddedAndDeleted() {
            String extra = """
                    package rules;
                    import com.healthadvisor.facts.Metric;
                    import com.healthadvisor.facts.Finding;
                    rule "Runway is under a month"
                    when
                        $runway : Metric(code == "runway_months", scope == "company", band == "emergency", value < 1)
                    then
                        insert(Finding.of("RUNWAY_SHORT", "critical", $runway));
                    end
                    """;

            assertThat(http().put("/api/v1/rules/files/runway.drl", extra, ADMIN).status()).isEqualTo(201);
            assertThat(RULES.resolve("runway.drl")).exists();
            assertThat(http().delete("/api/v1/rules/files/runway.drl", ADMIN).status()).isEqualTo(200);
            assertThat(RULES.resolve("runway.drl")).doesNotExist();
            assertThat(http().get("/api/v1/rules/versions").json().get(0).get("changed").toString())
                    .contains("runway.drl");
        }

        @Test
        void deletingAnUnknownFileIsA404AndDeletingARequiredOneA422() {
            assertThat(http().delete("/api/v1/rules/files/nothing.drl", ADMIN).status()).isEqualTo(404);
            Http.Response required = http().delete("/api/v1/rules/files/benchmarks.csv", ADMIN);
            assertThat(required.status()).isEqualTo(422);
            assertThat(required.body()).contains("missing: the rule set needs benchmarks.csv");
            assertThat(RULES.resolve("benchmarks.csv")).exists();
        }

        @Test
        void aNameThatIsNotARuleFileIsRefused() {
            assertThat(http().put("/api/v1/rules/files/notes.txt", "hello", ADMIN).status()).isEqualTo(400);
            assertThat(http().put("/api/v1/rules/files/..%2Fescape.drl", "x", ADMIN).status()).isIn(400, 404, 422);
        }

        @Test
        void anEmptyBodyIsA400() {
            assertThat(http().put("/api/v1/rules/files/limits.csv", "", ADMIN).status()).isEqualTo(400);
        }
    }

    /**
     * The API as its users meet it: through a client generated from docs/openapi.json (openapi-generator, at
     * generate-test-sources), which must be the description the service serves.
     */
    @Nested
    class GeneratedClient {

        private static final Path DESCRIPTION = Path.of("docs", "openapi.json");

        @Test
        void docsOpenapiJsonIsTheDescriptionTheServiceServes() throws IOException {
            JsonNode served = http().get("/v3/api-docs").json();
            if (Boolean.getBoolean("openapi.update")) {
                Files.writeString(DESCRIPTION, tools.jackson.databind.json.JsonMapper.builder().build()
                        .writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
            }
            JsonNode committed = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(Files.readString(DESCRIPTION));

            assertThat(served).as("the API description changed: run this test with -Dopenapi.update=true to "
                    + "rewrite docs/openapi.json, and the generated client with it").isEqualTo(committed);
        }

        @Test
        void theGeneratedClientDiagnosesStoresAndReads() throws Exception {
            com.healthadvisor.client.ApiClient client = new com.healthadvisor.client.ApiClient();
            client.updateBaseUri("http://localhost:" + port);
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TOKEN));
            com.healthadvisor.client.model.Snapshot snapshot = client.getObjectMapper()
                    .readValue(seed("seed-2-warning-signs"), com.healthadvisor.client.model.Snapshot.class);

            com.healthadvisor.client.model.DiagnosisResult result = new com.healthadvisor.client.api.DiagnosesApi(client)
                    .diagnose(snapshot, null, null, null, null, null);
            var companies = new com.healthadvisor.client.api.CompaniesApi(client);
            com.healthadvisor.client.model.StoredPeriod stored =
                    companies.putSnapshot("generated-client", "2024-06", snapshot);

            assertThat(result.getHealth()).isEqualTo("critical");
            assertThat(result.getDiagnoses().get(0).getCode()).isEqualTo("RETENTION_FIRST");
            assertThat(result.getRuleSet().getVersion())
                    .isEqualTo(new com.healthadvisor.client.api.RulesApi(client).getRuleSet().getVersion());
            assertThat(stored.getDiagnosis().getHealth()).isEqualTo("critical");
            assertThat(companies.getTimeline("generated-client").getPeriods()).hasSize(1);
            assertThat(companies.getDiagnosis("generated-client", "2024-06", null, null).getDiagnoses())
                    .hasSameSizeAs(result.getDiagnoses());
        }
    }

    /** What an operator scrapes and reads: docs/operations.md. */
    @Nested
    class Operating {

        @Test
        void prometheusShowsTheTimersOfDiagnosesReloadsLedgerImportsAndStoresWithHistograms() {
            String ledger = Http.read(Path.of("fixtures/ledger-legacy-decline-hidden-by-new-product.csv"));
            http().post("/api/v1/diagnoses", "application/json", seed("seed-2-warning-signs"));
            http().post("/api/v1/diagnoses", "application/json", seed("seed-2-warning-signs"), "Accept", "text/markdown");
            http().post("/api/v1/diagnoses", "application/json", "{\"period\":\"June\"}");
            http().post("/api/v1/diagnoses?period=2024-06", "text/csv", ledger);
            assertThat(http().putJson("/api/v1/companies/metered/snapshots/2024-06", seed("seed-2-warning-signs"), ADMIN)
                    .status()).isEqualTo(201);
            String wording = Http.read(RULES.resolve("concentration.yaml"));
            http().put("/api/v1/rules/files/concentration.yaml", "not: [a wording file", ADMIN);
            http().put("/api/v1/rules/files/concentration.yaml", wording + "\n", ADMIN);
            http().put("/api/v1/rules/files/concentration.yaml", wording, ADMIN);
            String version = http().get("/api/v1/rules").json().get("version").asString();

            String scraped = http().getWith("/actuator/prometheus", ADMIN).body();

            assertThat(scraped).contains(
                    "advisor_diagnoses_seconds_count{format=\"json\",input=\"snapshot\",outcome=\"ok\"}",
                    "advisor_diagnoses_seconds_count{format=\"markdown\",input=\"snapshot\",outcome=\"ok\"}",
                    "advisor_diagnoses_seconds_count{format=\"json\",input=\"snapshot\",outcome=\"invalid\"}",
                    "advisor_diagnoses_seconds_count{format=\"json\",input=\"ledger\",outcome=\"ok\"}",
                    "advisor_ledger_imports_seconds_count{outcome=\"ok\",via=\"api\"}",
                    "advisor_company_stores_seconds_count{outcome=\"ok\",via=\"api\"}",
                    "advisor_ledger_import_rows_sum",
                    "advisor_rules_reloads_seconds_count{outcome=\"refused\",trigger=\"api\"}",
                    "advisor_rules_reloads_seconds_count{outcome=\"accepted\",trigger=\"api\"}",
                    "advisor_rules_active{version=\"" + version + "\"} 1",
                    "advisor_rules_last_reload_successful",
                    "http_server_requests_seconds_count");
            // Histograms, not summaries: buckets that Prometheus can aggregate across replicas.
            assertThat(scraped).containsPattern("advisor_diagnoses_seconds_bucket\\{format=\"json\",input=\"snapshot\","
                            + "outcome=\"ok\",le=\"[0-9.]+\"}")
                    .containsPattern("advisor_rules_reloads_seconds_bucket\\{")
                    .containsPattern("advisor_ledger_imports_seconds_bucket\\{")
                    .containsPattern("advisor_company_stores_seconds_bucket\\{");
        }

        @Test
        void infoNamesTheVersionAndTheCommit() {
            JsonNode info = http().get("/actuator/info").json();

            assertThat(info.at("/build/version").asString()).isNotBlank();
            assertThat(info.at("/build/artifact").asString()).isEqualTo("health-advisor");
            assertThat(info.at("/git/commit/id").asString()).matches("[0-9a-f]{7,}");
        }
    }

    @Nested
    class Authentication {

        @Test
        void everyRuleChangeNeedsTheAdminToken() {
            String[] wrong = {"Authorization", "Bearer not-the-token"};
            assertThat(http().put("/api/v1/rules/files/limits.csv", "x").status()).isEqualTo(401);
            assertThat(http().put("/api/v1/rules/files/limits.csv", "x", wrong).status()).isEqualTo(401);
            assertThat(http().delete("/api/v1/rules/files/limits.csv").status()).isEqualTo(401);
            assertThat(http().delete("/api/v1/rules/files/limits.csv", wrong).status()).isEqualTo(401);
            assertThat(http().post("/api/v1/rules/validate?name=limits.csv", "text/plain", "x").status()).isEqualTo(401);
            assertThat(http().post("/api/v1/rules/validate?name=limits.csv", "text/plain", "x", wrong).status())
                    .isEqualTo(401);
            assertThat(RULES.resolve("limits.csv")).exists();
        }

        @Test
        void readingAndDiagnosingNeedNoToken() {
            assertThat(http().get("/api/v1/rules").status()).isEqualTo(200);
            assertThat(http().post("/api/v1/diagnoses", "application/json", "{\"period\":\"2024-06\"}").status())
                    .isEqualTo(200);
        }
    }

    @Nested
    class ReloadingFromDisk {

        @Test
        void aGoodEditIsServedWithinTwoSecondsAndABadOneKeepsTheOldRules() throws Exception {
            Path wording = RULES.resolve("efficiency.yaml");
            String original = Http.read(wording);
            String version = http().get("/api/v1/rules").json().get("version").asString();

            Files.writeString(wording, original.replace("Start fundraising or cut burn now", "Start fundraising today"));
            String reloaded = awaitVersionOtherThan(version, Duration.ofSeconds(5));
            assertThat(reloaded).isNotEqualTo(version);

            Files.writeString(wording, original.replace("dimension: efficiency", "dimension: speed"));
            JsonNode failed = awaitFailedReload(Duration.ofSeconds(5));
            assertThat(failed.get("version").asString()).isEqualTo(reloaded);
            assertThat(failed.at("/last_reload/errors/0/text").asString()).startsWith("efficiency.yaml:");
            assertThat(http().get("/actuator/health").json().at("/components/rules/details/last_reload_successful")
                    .asBoolean()).isFalse();
            assertThat(http().get("/actuator/health").json().get("status").asString()).isEqualTo("UP");

            Files.writeString(wording, original);
            awaitVersion(version, Duration.ofSeconds(5));
        }

        @Test
        void readmesThresholdEditSavedToDiskIsUsedByTheNextDiagnosis() throws Exception {
            Path benchmarks = RULES.resolve("benchmarks.csv");
            String original = Http.read(benchmarks);
            String version = http().get("/api/v1/rules").json().get("version").asString();

            Files.writeString(benchmarks, ChangingRules.sevenPercentCrisis(original));
            String reloaded = awaitVersionOtherThan(version, Duration.ofSeconds(5));

            assertThat(reloaded).isNotEqualTo(version);
            JsonNode rules = http().get("/api/v1/rules").json();
            assertThat(rules.at("/last_reload/succeeded").asBoolean()).isTrue();
            assertThat(rules.at("/last_reload/moved_scenarios").toString()).contains("seed-2-warning-signs");
            JsonNode result = http().post("/api/v1/diagnoses", "application/json", ChangingRules.SIX_PERCENT_CHURN)
                    .json();
            assertThat(result.get("diagnoses").toString()).doesNotContain("LOGO_CHURN_CRISIS");

            Files.writeString(benchmarks, original);
            awaitVersion(version, Duration.ofSeconds(5));
        }

        @Test
        void aRefusedEditOnDiskDoesNotBlockAChangeThroughTheApi() throws Exception {
            Path wording = RULES.resolve("efficiency.yaml");
            String original = Http.read(wording);
            String growth = Http.read(RULES.resolve("growth.yaml"));
            Files.writeString(wording, original.replace("dimension: efficiency", "dimension: speed"));
            awaitFailedReload(Duration.ofSeconds(5));

            Http.Response put = http().put("/api/v1/rules/files/growth.yaml",
                    growth.replace("Growth is running on a treadmill.", "Growth runs on a treadmill."), ADMIN);

            // The change is made to the active files: the broken efficiency.yaml on disk is not part of it.
            assertThat(put.status()).isEqualTo(200);
            assertThat(put.json().at("/last_reload/trigger").asString()).isEqualTo("api");
            Files.writeString(wording, original);
            assertThat(http().put("/api/v1/rules/files/growth.yaml", growth, ADMIN).status()).isEqualTo(200);
        }

        @Test
        void aFileEventDoesNotHideARefusedApiChange() throws Exception {
            String limits = Http.read(RULES.resolve("limits.csv"));
            Http.Response refused = http().put("/api/v1/rules/files/limits.csv",
                    limits.replace("scale_min_quick_ratio,4,", "scale_min_quick_ratio,four,"), ADMIN);
            assertThat(refused.status()).isEqualTo(422);

            // An editor saving a file unchanged: the disk is the active set, and the API's refusal stays on record
            // for as long as the watcher takes to see the save (its debounce is 100 ms here) and longer.
            Files.writeString(RULES.resolve("limits.csv"), limits);
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode rules = http().get("/api/v1/rules").json();
                assertThat(rules.at("/last_reload/succeeded").asBoolean()).isFalse();
                assertThat(rules.at("/last_reload/trigger").asString()).isEqualTo("api");
            });
            assertThat(http().getWith("/actuator/health", ADMIN).json().at("/components/rules/details/fixtures")
                    .asString())
                    .isEqualTo(FIXTURES.toAbsolutePath().normalize().toString());
        }

        private String awaitVersionOtherThan(String version, Duration limit) {
            return await().atMost(limit).until(() -> http().get("/api/v1/rules").json().get("version").asString(),
                    current -> !current.equals(version));
        }

        private void awaitVersion(String version, Duration limit) {
            await().atMost(limit).until(() -> http().get("/api/v1/rules").json().get("version").asString(),
                    version::equals);
        }

        private JsonNode awaitFailedReload(Duration limit) {
            return await().atMost(limit).until(() -> http().get("/api/v1/rules").json(),
                    rules -> !rules.at("/last_reload/succeeded").asBoolean());
        }
    }
}
