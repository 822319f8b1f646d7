package com.healthadvisor.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The smaller holes of the service, each tried the way a client would send it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HardeningTest {

    static final String TOKEN = "hardening-admin-token";
    static final String[] ADMIN = {"Authorization", "Bearer " + TOKEN};
    static final Path RULES = Http.copyOf("rules", ".*");
    static final Path FIXTURES = Http.copyOf("fixtures", "seed-.*");
    static final String SNAPSHOT = "{\"period\":\"2024-06\",\"mrr\":{\"starting\":1000,\"new\":100,\"ending\":1100}}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules", RULES::toString);
        registry.add("advisor.fixtures", FIXTURES::toString);
        registry.add("advisor.admin-token", () -> TOKEN);
        registry.add("advisor.watch", () -> "false");
        registry.add("advisor.max-ledger-size", () -> "64KB");
        registry.add("advisor.max-snapshot-size", () -> "7MB");
        registry.add("advisor.history-max-versions", () -> "3");
    }

    @Value("${local.server.port}")
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    Http http() {
        return new Http(port);
    }

    /** The firewall with the cheap header checks (FirewallTest) is the one the security filters use. */
    @Test
    void theSecurityFiltersUseTheServicesFirewall() {
        // The bean wraps the chain proxy that the requests go through.
        Object filters = org.springframework.test.util.ReflectionTestUtils.getField(
                context.getBean(org.springframework.security.web.FilterChainProxy.class), "springSecurityFilterChain");

        assertThat(org.springframework.test.util.ReflectionTestUtils.getField(filters, "firewall"))
                .isSameAs(context.getBean(org.springframework.security.web.firewall.HttpFirewall.class));
    }

    /** A header the filters read, holding a control character (a raw byte 0x85), is refused as Spring refuses it. */
    @Test
    void aControlCharacterInAHeaderTheFiltersReadIsA400() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("PUT /api/v1/rules/files/retention.drl HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer \u0085" + TOKEN + "\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void aLedgerOverItsOwnLimitIsA413ProblemWithOrWithoutALength() throws Exception {
        String ledger = "customer_id,month,mrr\n" + "c-000001,2024-06,100.00\n".repeat(4_000);

        Http.Response sized = http().post("/api/v1/diagnoses", "text/csv", ledger);
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/diagnoses")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(ledger.getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.contentType()).startsWith("application/problem+json");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("64 KB");
    }

    @Test
    void aHugeFieldIsQuotedShortInTheError() {
        String month = "x".repeat(50_000);

        Http.Response ledger = http().post("/api/v1/diagnoses", "text/csv", "customer_id,month,mrr\nc1," + month + ",5\n");
        Http.Response snapshot = http().post("/api/v1/diagnoses", "application/json",
                "{\"period\":\"" + month + "\"}");

        assertThat(ledger.status()).isEqualTo(400);
        assertThat(ledger.body().length()).isLessThan(2_000);
        assertThat(snapshot.status()).isEqualTo(400);
        assertThat(snapshot.body().length()).isLessThan(2_000);
    }

    @Test
    void theSnapshotLimitIsTheOneSetting() {
        String padded = SNAPSHOT.replace("{\"period\"", "{" + " ".repeat(6 * 1024 * 1024) + "\"period\"");

        assertThat(http().post("/api/v1/diagnoses", "application/json", padded).status()).isEqualTo(200);
    }

    @Test
    void aFourHundredDigitIntegerIsA400WithItsPointer() {
        Http.Response response = http().post("/api/v1/diagnoses", "application/json",
                SNAPSHOT.replace("\"starting\":1000", "\"starting\":" + "9".repeat(400)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/mrr/starting");
        assertThat(response.body()).doesNotContain("Exception", "jackson");
    }

    @Test
    void theHistoryKeepsABoundedNumberOfVersions() throws IOException {
        String limits = Files.readString(RULES.resolve("limits.csv"));
        for (int i = 0; i < 6; i++) {
            String changed = limits.replace("blended_average_spread,10,", "blended_average_spread," + (11 + i) + ",");
            assertThat(http().put("/api/v1/rules/files/limits.csv", changed, ADMIN).status()).isEqualTo(200);
        }
        http().put("/api/v1/rules/files/limits.csv", limits, ADMIN);

        assertThat(http().get("/api/v1/rules/versions").json()).hasSize(3);
    }

    @Test
    void aLinkInTheRulesDirectoryIsNotServed() throws IOException {
        Path secret = Files.writeString(Files.createTempFile("secret", ".yaml"), "SECRET-CONTENT: 1\n");
        Path link = Files.createSymbolicLink(RULES.resolve("evil.yaml"), secret);
        try {
            Http.Response response = http().get("/api/v1/rules/files/evil.yaml");

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body()).doesNotContain("SECRET-CONTENT").contains("not a plain file");
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void badRuleFileNamesAreA400Problem() {
        Http.Response long_ = http().put("/api/v1/rules/files/" + "a".repeat(300) + ".drl", "x", ADMIN);
        RawHttp.Response traversal = RawHttp.send(port, "PUT", "/api/v1/rules/files/..%2F..%2Fetc%2Fpasswd", "x", ADMIN);
        RawHttp.Response dots = RawHttp.send(port, "PUT", "/api/v1/rules/files/../../etc/passwd", "x", ADMIN);

        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.contentType()).startsWith("application/problem+json");
        assertThat(long_.body()).contains("at most 100 characters");
        for (RawHttp.Response response : new RawHttp.Response[] {traversal, dots}) {
            assertThat(response.status()).isIn(400, 404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aDirectoryThatDoesNotTakeTheChangeIsA503AndNothingIsRecorded() throws IOException {
        Path limits = RULES.resolve("limits.csv");
        String before = Files.readString(limits);
        String newest = http().get("/api/v1/rules/versions").json().get(0).get("id").asString();
        // A directory where the file should be: the new content cannot be moved into its place.
        Path moved = RULES.resolveSibling(RULES.getFileName() + "-limits.csv");
        Files.move(limits, moved);
        Files.createDirectories(limits.resolve("in-the-way"));
        try {
            Http.Response response = http().put("/api/v1/rules/files/limits.csv",
                    before.replace("blended_average_spread,10,", "blended_average_spread,12,"), ADMIN);

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            try (Stream<Path> files = Files.list(RULES)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
            assertThat(http().get("/api/v1/rules/versions").json().get(0).get("id").asString()).isEqualTo(newest);
        } finally {
            Files.delete(limits.resolve("in-the-way"));
            Files.delete(limits);
            Files.move(moved, limits);
        }
        assertThat(Files.readString(limits)).isEqualTo(before);
    }

    @Test
    void aMalformedAcceptHeaderIsA400Problem() {
        Http.Response response = http().post("/api/v1/diagnoses", "application/json", SNAPSHOT, "Accept", "text/html;q=abc");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("Accept header");
    }

    @Test
    void theMarkdownReportCarriesNoRawHtmlOrLinksFromNames() {
        String snapshot = """
                {"company": "<script>alert(1)</script> [x](javascript:alert(2))", "period": "2024-06",
                 "mrr": {"starting": 1000, "new": 100, "ending": 1100},
                 "breakdowns": [{"dimension": "product", "name": "<img src=x onerror=alert(3)>",
                                 "mrr": {"starting": 1000, "churned": 900, "ending": 100}}]}
                """;

        Http.Response markdown = http().post("/api/v1/diagnoses", "application/json", snapshot, "Accept", "text/markdown");

        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.body()).doesNotContain("<script", "<img", "[x](").contains("&lt;script&gt;");
    }

    @Test
    void aLedgerWithAByteOrderMarkIsRead() {
        String ledger = Http.read(Path.of("fixtures/ledger-legacy-decline-hidden-by-new-product.csv"));

        assertThat(http().post("/api/v1/diagnoses", "text/csv", "\uFEFF" + ledger).status()).isEqualTo(200);
    }

    @Test
    void aRuleFileThatIsNotUtf8IsRefused() throws Exception {
        byte[] latin1 = "# R\u00e9sum\u00e9\nname,value,description\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/rules/files/limits.csv"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(latin1)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid UTF-8");
    }

    @Test
    void healthShowsDetailsOnlyToAnAuthenticatedCaller() {
        Http.Response anonymous = http().get("/actuator/health");
        Http.Response admin = new Http(port).getWith("/actuator/health", ADMIN);

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).doesNotContain("details", System.getProperty("user.dir"), "version");
        assertThat(admin.body()).contains("details", "rules");
    }
}
