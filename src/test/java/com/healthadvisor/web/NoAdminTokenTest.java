package com.healthadvisor.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** With no admin token configured, rule changes over HTTP are refused, not open; API keys guard diagnosing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoAdminTokenTest {

    static final Path RULES = Http.copyOf("rules", ".*");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules", RULES::toString);
        registry.add("advisor.fixtures", () -> "no-fixtures");
        registry.add("advisor.admin-token", () -> "");
        registry.add("advisor.api-keys", () -> "key-one,key-two");
        registry.add("advisor.watch", () -> "false");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void ruleChangesAreForbiddenWhateverTheToken() {
        Http http = new Http(port);
        String[] anyToken = {"Authorization", "Bearer guess"};

        Http.Response put = http.put("/api/v1/rules/files/limits.csv", "x");
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.json().get("detail").asString()).contains("ADVISOR_ADMIN_TOKEN");
        assertThat(http.delete("/api/v1/rules/files/limits.csv").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/rules/validate?name=limits.csv", "text/plain", "x").status()).isEqualTo(403);
        Http.Response guessed = http.put("/api/v1/rules/files/limits.csv", "x", anyToken);
        assertThat(guessed.status()).isEqualTo(403);
        assertThat(guessed.json().get("detail").asString()).contains("ADVISOR_ADMIN_TOKEN");
        assertThat(RULES.resolve("limits.csv")).exists();
    }

    @Test
    void diagnosingNeedsAConfiguredApiKey() {
        Http http = new Http(port);
        String snapshot = "{\"period\":\"2024-06\"}";

        assertThat(http.post("/api/v1/diagnoses", "application/json", snapshot).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/diagnoses", "application/json", snapshot, "X-API-Key", "wrong").status())
                .isEqualTo(401);
        assertThat(http.post("/api/v1/diagnoses", "application/json", snapshot, "X-API-Key", "key-two").status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/rules").status()).isEqualTo(200);
    }
}
