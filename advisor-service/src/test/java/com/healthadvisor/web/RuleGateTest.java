package com.healthadvisor.web;

import com.healthadvisor.security.RuleAttacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rule gate tried as an attacker would: every protected route under encodings and path tricks without a
 * token, and every rule attack through PUT, validate and the file watcher with the token. Nothing may change,
 * no marker file may appear, and no response may carry a secret.
 */
class RuleGateTest extends SharedService {

    static final Path MARKER = RULES.resolveSibling(RULES.getFileName() + "-marker");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ' ', textBlock = """
            PUT /api/v1/rules/file%73/limits.csv
            PUT /api/v1/rules/%66iles/limits.csv
            PUT /api/v1/rules/files/limit%73.csv
            PUT /api/v1/rules/file%2573/limits.csv
            PUT /api/v1/rules/files%2Flimits.csv
            PUT /api/v1/rules/files;x=y/limits.csv
            PUT /api/v1/rules/files/limits.csv;jsessionid=1
            PUT /api/v1/rules;a=b/files/limits.csv
            PUT /api/v1/rules/files/limits.csv/
            PUT /api/v1/rules/files//limits.csv
            PUT //api/v1/rules/files/limits.csv
            PUT /api/v1/./rules/files/limits.csv
            PUT /api/v1/x/../rules/files/limits.csv
            PUT /api/v1/rules/files/%2E%2E/rules/limits.csv
            PUT /API/v1/rules/files/limits.csv
            PUT /api/v1/Rules/files/limits.csv
            PUT /api/v1/rules/FILES/limits.csv
            DELETE /api/v1/rules/file%73/limits.csv
            DELETE /api/v1/rules/files/limits.csv/
            DELETE /api/v1/rules/files;x/limits.csv
            POST /api/v1/rules/%76alidate?name=limits.csv
            POST /api/v1/rules/validate/?name=limits.csv
            POST /api/v1/rules/validate;x=y?name=limits.csv
            POST /api/v1/rules/VALIDATE?name=limits.csv
            POST /api/v1/rules/validat%65?name=limits.csv
            PATCH /api/v1/rules/files/limits.csv
            """)
    void noVariantOfAProtectedRouteGetsThroughWithoutTheToken(String method, String path) throws IOException {
        String before = Files.readString(RULES.resolve("limits.csv"));

        RawHttp.Response response = RawHttp.send(port, method, path, "name,value,description\n");

        assertThat(response.status()).as(response.body()).isIn(400, 401, 403, 404, 405);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(Files.readString(RULES.resolve("limits.csv"))).isEqualTo(before);
    }

    @Test
    void anEncodedLetterRoutesLikeThePlainPathWhenTheTokenIsGiven() throws IOException {
        String limits = Files.readString(RULES.resolve("limits.csv"));

        RawHttp.Response response = RawHttp.send(port, "PUT", "/api/v1/rules/file%73/limits.csv", limits,
                "Authorization", "Bearer " + TOKEN);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    static List<RuleAttacks.Attack> attacks() {
        return RuleAttacks.all(MARKER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackIsRefusedByValidateAndPutWithoutRunningOrLeaking(RuleAttacks.Attack attack) {
        Http http = new Http(port);
        String version = http.get("/api/v1/rules").json().get("version").asString();

        Http.Response validated = http.post("/api/v1/rules/validate?name=attack.drl", "text/plain", attack.drl(),
                "Authorization", "Bearer " + TOKEN);
        Http.Response put = http.put("/api/v1/rules/files/attack.drl", attack.drl(), "Authorization", "Bearer " + TOKEN);

        assertThat(validated.status()).isEqualTo(200);
        assertThat(validated.json().get("valid").asBoolean()).isFalse();
        assertThat(validated.body()).contains("attack.drl").contains(json(attack.refusal()));
        assertThat(put.status()).isEqualTo(422);
        assertThat(put.body()).contains(json(attack.refusal()));
        for (String body : List.of(validated.body(), put.body())) {
            assertThat(body).doesNotContain(TOKEN, "root:x:0:0", "Exception:");
        }
        assertThat(MARKER).doesNotExist();
        assertThat(RULES.resolve("attack.drl")).doesNotExist();
        assertThat(http.get("/api/v1/rules").json().get("version").asString()).isEqualTo(version);
    }

    @Test
    void anAttackSavedIntoTheRulesDirectoryIsRefusedByTheWatcher() throws Exception {
        Http http = new Http(port);
        String version = http.get("/api/v1/rules").json().get("version").asString();
        RuleAttacks.Attack attack = attacks().get(0);

        Files.writeString(RULES.resolve("watched-attack.drl"), attack.drl());
        try {
            String lastReload = await().atMost(Duration.ofSeconds(10))
                    .until(() -> http.get("/api/v1/rules").json().get("last_reload").toString(),
                            reload -> reload.contains("watched-attack.drl"));

            assertThat(lastReload).contains("watched-attack.drl", json(attack.refusal()));
            assertThat(http.get("/api/v1/rules").json().get("version").asString()).isEqualTo(version);
            assertThat(MARKER).doesNotExist();
        } finally {
            Files.delete(RULES.resolve("watched-attack.drl"));
        }
    }

    @Test
    void aRuleThatThrowsIsNamedWithoutItsExceptionText() {
        String drl = """
                package rules;
                import com.healthadvisor.facts.Metric;
                import com.healthadvisor.facts.Finding;
                rule "Reads a missing age"
                when
                    $m : Metric(code == "mrr", scope == "company")
                then
                    insert(Finding.of("RUNWAY_SHORT", "info", $m).note("age", $m.age() + 1));
                end
                """;

        Http.Response put = new Http(port).put("/api/v1/rules/files/throws.drl", drl, "Authorization", "Bearer " + TOKEN);

        assertThat(put.status()).isEqualTo(422);
        assertThat(put.body()).contains("seed-1-healthy-saas.expected.json:",
                        "rule \\\"Reads a missing age\\\" failed with NullPointerException")
                .doesNotContain("Cannot invoke", "because");
    }

    /** How a refusal's words appear inside a JSON string. */
    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
