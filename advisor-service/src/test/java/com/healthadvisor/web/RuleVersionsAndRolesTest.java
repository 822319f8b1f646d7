package com.healthadvisor.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Named editors with roles, the versions every change makes, a restore, and the audit log: as an analyst and an
 * admin use them over HTTP.
 */
class RuleVersionsAndRolesTest extends SharedService {

    static final String[] ALICE = {"Authorization", "Bearer alice-analyst-token"};
    static final String[] BOB = {"Authorization", "Bearer bob-admin-token"};




    @Test
    void anAnalystMayMoveABandButNotChangeDrlAndTheAuditLogNamesBothAttempts() {
        String drl = Http.read(RULES.resolve("growth.drl"));
        String benchmarks = Http.read(RULES.resolve("benchmarks.csv"));

        Http.Response code = http().put("/api/v1/rules/files/growth.drl", drl.replace("salience", "salience"), ALICE);
        Http.Response band = http().put("/api/v1/rules/files/benchmarks.csv?message=crisis%20at%207%25",
                ServiceTest.ChangingRules.sevenPercentCrisis(benchmarks), ALICE);

        assertThat(code.status()).isEqualTo(403);
        assertThat(code.body()).contains("the analyst role may change benchmarks, limits and wording, not DRL");
        assertThat(band.status()).isEqualTo(200);
        JsonNode audit = http().getWith("/api/v1/rules/audit", BOB).json();
        assertThat(audit.toString()).contains("\"actor\":\"alice\",\"action\":\"put\",\"files\":[\"growth.drl\"],"
                + "\"accepted\":false", "\"actor\":\"alice\",\"action\":\"put\",\"files\":[\"benchmarks.csv\"],"
                + "\"accepted\":true");
        assertThat(http().get("/api/v1/rules/audit").status()).isEqualTo(401);
        assertThat(http().put("/api/v1/rules/files/benchmarks.csv", benchmarks, BOB).status()).isEqualTo(200);
    }

    @Test
    void everyChangeIsAVersionAndARestoreIsANewOneWithTheOldFiles() {
        String benchmarks = Http.read(RULES.resolve("benchmarks.csv"));
        String original = http().get("/api/v1/rules").json().get("version").asString();
        JsonNode before = http().get("/api/v1/rules/versions").json().get(0);
        assertThat(before.get("rule_set_version").asString()).isEqualTo(original);

        http().put("/api/v1/rules/files/benchmarks.csv?message=crisis%20at%207%25",
                ServiceTest.ChangingRules.sevenPercentCrisis(benchmarks), ALICE);
        JsonNode changed = http().get("/api/v1/rules/versions").json().get(0);

        assertThat(changed.get("actor").asString()).isEqualTo("alice");
        // Sent without If-Match: the message says which text the change replaced.
        assertThat(changed.get("message").asString()).isEqualTo("crisis at 7% (replaced benchmarks.csv "
                + RuleFileVersions.etag(benchmarks).substring(1, 13) + " without If-Match)");
        assertThat(changed.get("changed").toString()).isEqualTo("[\"benchmarks.csv\"]");
        String id = changed.get("id").asString();
        assertThat(http().get("/api/v1/rules/versions/" + id).json().at("/files/benchmarks.csv").asString())
                .contains("logo_churn_rate_monthly,crisis,> 7%");
        assertThat(http().get("/api/v1/rules/versions/" + id + "/diff").body()).contains(
                "--- a/benchmarks.csv", "-logo_churn_rate_monthly,crisis,> 5%", "+logo_churn_rate_monthly,crisis,> 7%");

        Http.Response restored = http().post("/api/v1/rules/versions/" + before.get("id").asString() + "/restore",
                "application/json", "", ALICE);

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().get("version").asString()).isEqualTo(original);
        assertThat(Http.read(RULES.resolve("benchmarks.csv"))).isEqualTo(benchmarks);
        JsonNode latest = http().get("/api/v1/rules/versions").json().get(0);
        assertThat(latest.get("id").asString()).isNotEqualTo(before.get("id").asString());
        assertThat(latest.get("trigger").asString()).isEqualTo("restore");
        assertThat(latest.get("message").asString()).isEqualTo("restore of " + before.get("id").asString());
        assertThat(latest.get("rule_set_version").asString()).isEqualTo(original);
    }

    @Test
    void restoringTheActiveFilesMakesNoVersion() {
        JsonNode latest = http().get("/api/v1/rules/versions").json().get(0);

        Http.Response restored = http().post("/api/v1/rules/versions/" + latest.get("id").asString() + "/restore",
                "application/json", "", ALICE);

        assertThat(restored.status()).isEqualTo(200);
        assertThat(http().get("/api/v1/rules/versions").json().get(0).get("id").asString())
                .isEqualTo(latest.get("id").asString());
    }

    @Test
    void anUnknownVersionIsA404AndAWrongTokenA401() {
        assertThat(http().get("/api/v1/rules/versions/v999").status()).isEqualTo(404);
        assertThat(http().post("/api/v1/rules/versions/v1/restore", "application/json", "",
                "Authorization", "Bearer guessed").status()).isEqualTo(401);
    }
}
