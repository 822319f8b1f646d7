package com.healthadvisor.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications as their receivers get them: a real SMTP server (GreenMail, over a socket) and a real HTTP
 * receiver (the JDK's server) that checks each webhook's signature the way docs/notifications.md tells a receiver
 * to. Subscriptions, silences and the outbox through the API, periods stored through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class NotificationsTest {

    static final String TOKEN = "notifications-admin-token";
    static final String[] ADMIN = {"Authorization", "Bearer " + TOKEN};
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final Receiver RECEIVER = new Receiver();

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path root = Files.createTempDirectory("notifications");
        registry.add("advisor.rules", () -> Http.copyOf("rules", "[^.].*").toString());
        registry.add("advisor.fixtures", () -> Http.copyOf("fixtures", "seed-.*").toString());
        registry.add("advisor.admin-token", () -> TOKEN);
        registry.add("advisor.watch", () -> "false");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + root.resolve("advisor") + ";LOCK_TIMEOUT=60000");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("advisor.notifications.poll", () -> "100ms");
        registry.add("advisor.notifications.max-attempts", () -> "3");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
        RECEIVER.server.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    Http http() {
        return new Http(port);
    }

    @Test
    void aFindingThatAppearsIsDeliveredOnceToEachChannelSignedAndNamingTheMoneyAndTheActions() throws Exception {
        String secret = subscribe("webhook", RECEIVER.url("/hook"), "acme").get("secret").asString();
        RECEIVER.secret = secret;
        subscribe("slack", RECEIVER.url("/slack"), "acme");
        subscribe("email", "cfo@acme.example", "acme");

        store("acme", "2024-01", 0.02);
        store("acme", "2024-02", 0.09);

        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVER.received("/hook").size() == 1
                && RECEIVER.received("/slack").size() == 1 && mailsTo("cfo@acme.example").size() == 1);
        Thread.sleep(500);
        assertThat(RECEIVER.received("/hook")).hasSize(1);
        assertThat(RECEIVER.badSignatures.get()).isZero();

        Receiver.Delivery hook = RECEIVER.received("/hook").get(0);
        JsonNode alert = tools.jackson.databind.json.JsonMapper.builder().build().readTree(hook.body());
        assertThat(alert.get("company").asString()).isEqualTo("acme");
        assertThat(alert.get("period").asString()).isEqualTo("2024-02");
        assertThat(hook.key()).isEqualTo(alert.get("id").asString()).startsWith("alert:").endsWith(":acme:2024-02:r1");
        assertThat(alert.get("findings")).isNotEmpty();
        JsonNode first = alert.get("findings").get(0);
        assertThat(first.get("change").asString()).isEqualTo("new");
        assertThat(List.of("critical", "high")).contains(first.get("severity").asString());
        assertThat(first.get("actions")).isNotEmpty();
        String title = first.get("title").asString();

        String slack = RECEIVER.received("/slack").get(0).body();
        assertThat(slack).contains("\"text\":\"acme, 2024-02:", "\"blocks\":[", title, "What to do",
                first.get("actions").get(0).get("action").asString());
        assertThat(RECEIVER.received("/slack").get(0).key()).startsWith("alert:");

        MimeMessage mail = mailsTo("cfo@acme.example").get(0);
        assertThat(mail.getSubject()).startsWith("acme, 2024-02:");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("cfo@acme.example");
        Map<String, String> parts = parts(mail);
        keep("alert.html", parts.get("text/html"));
        keep("slack.json", slack);
        assertThat(parts.get("text/plain")).contains(title, first.get("actions").get(0).get("action").asString());
        assertThat(parts.get("text/html")).contains("a year at stake").doesNotContain("<style", "<script");

        // The same period stored again unchanged is no new revision: nothing more is sent.
        store("acme", "2024-02", 0.09);
        Thread.sleep(1_000);
        assertThat(RECEIVER.received("/hook")).hasSize(1);

        JsonNode sent = http().getWith("/api/v1/notifications/outbox?state=sent", ADMIN).json();
        assertThat(sent.findValuesAsString("company").stream().filter("acme"::equals)).hasSize(3);
        String meters = http().getWith("/actuator/prometheus", ADMIN).body();
        assertThat(meters).contains("advisor_notifications_total{channel=\"webhook\",outcome=\"sent\"")
                .contains("advisor_notifications_latency_seconds_bucket");
        JsonNode health = http().getWith("/actuator/health", ADMIN).json();
        assertThat(health.at("/components/notifications/status").asString()).isEqualTo("UP");
    }

    /**
     * Two companies with the same months: the control's spike alerts; the same findings, silenced for the other
     * company before its spike, keep it quiet.
     */
    @Test
    void aSilenceKeepsItsFindingsQuietAndIsListed() {
        Http.Response subscribed = http().post("/api/v1/notifications/subscriptions", "application/json",
                Http.json(Map.of("name", "findings only", "channel", "webhook", "target", RECEIVER.url("/quiet"),
                        "companies", List.of("beta", "beta-control"), "min_severity", "high")), ADMIN);
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        store("beta-control", "2024-01", 0.02);
        store("beta-control", "2024-02", 0.09);
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVER.received("/quiet").size() == 1);
        JsonNode alert = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(RECEIVER.received("/quiet").get(0).body());
        assertThat(alert.get("company").asString()).isEqualTo("beta-control");
        List<String> codes = alert.get("findings").findValuesAsString("code");
        assertThat(codes).isNotEmpty();

        for (String code : codes) {
            Http.Response silenced = http().post("/api/v1/notifications/silences", "application/json",
                    Http.json(Map.of("company", "beta", "code", code, "until",
                            Instant.now().plus(Duration.ofDays(7)).toString(), "reason", "a known churn spike")),
                    ADMIN);
            assertThat(silenced.status()).as(silenced.body()).isEqualTo(201);
        }
        assertThat(http().getWith("/api/v1/notifications/silences", ADMIN).json().findValuesAsString("reason"))
                .hasSize(codes.size()).containsOnly("a known churn spike");

        store("beta", "2024-01", 0.02);
        store("beta", "2024-02", 0.09);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(RECEIVER.received("/quiet")).hasSize(1);
        assertThat(http().getWith("/api/v1/notifications/outbox", ADMIN).body()).doesNotContain("\"company\":\"beta\"");

        Http.Response missing = http().post("/api/v1/notifications/silences", "application/json",
                Http.json(Map.of("company", "beta", "code", "bad code")), ADMIN);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("code: a diagnosis code", "until: a time in the future", "reason: why");
    }

    /**
     * An acknowledged finding stays quiet until it gets worse: the period stored again as a new revision raises the
     * same findings anew; the control company, not acknowledged, is told again, the acknowledged one is not.
     */
    @Test
    void anAcknowledgedFindingStaysQuietWhileItIsNoWorse() {
        Http.Response subscribed = http().post("/api/v1/notifications/subscriptions", "application/json",
                Http.json(Map.of("name", "acknowledged", "channel", "webhook", "target", RECEIVER.url("/seen"),
                        "companies", List.of("eta", "eta-control"), "min_severity", "high")), ADMIN);
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        for (String company : List.of("eta", "eta-control")) {
            store(company, "2024-01", 0.02);
            store(company, "2024-02", 0.09);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVER.received("/seen").size() == 2);
        JsonNode findings = http().getWith("/api/v1/companies/eta/timeline", ADMIN).json().at("/periods/1/findings");
        findings.forEach(finding -> {
            Http.Response seen = http().post("/api/v1/notifications/acknowledgements", "application/json",
                    Http.json(Map.of("company", "eta", "code", finding.get("code").asString(), "scope",
                            finding.get("scope").asString())), ADMIN);
            assertThat(seen.status()).as(seen.body()).isEqualTo(201);
            assertThat(seen.json().get("severity").asString()).isEqualTo(finding.get("severity").asString());
        });

        // The same month sent again with a correction: a new revision, judged against January again.
        for (String company : List.of("eta", "eta-control")) {
            store(company, "2024-02", 0.091);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVER.received("/seen").size() >= 3);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(RECEIVER.received("/seen")).extracting(Receiver.Delivery::key)
                .filteredOn(key -> key.contains(":2024-02:r2")).singleElement().asString().contains(":eta-control:");
        assertThat(http().post("/api/v1/notifications/acknowledgements", "application/json",
                Http.json(Map.of("company", "eta", "code", "NO_SUCH_CODE")), ADMIN).status()).isEqualTo(404);
    }

    @Test
    void aReceiverThatKeepsFailingGetsTheMessageAsDeadThenARetryDeliversItUnderItsKey() {
        RECEIVER.failing.put("/flaky", true);
        subscribe("webhook", RECEIVER.url("/flaky"), "gamma");
        store("gamma", "2024-01", 0.02);
        store("gamma", "2024-02", 0.09);

        JsonNode dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> http().getWith("/api/v1/notifications/outbox?state=dead", ADMIN).json(), list -> list.size() == 1);
        assertThat(dead.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get(0).get("last_error").asString()).contains("answered 500");
        assertThat(RECEIVER.attempts.get("/flaky").get()).isEqualTo(3);

        RECEIVER.failing.put("/flaky", false);
        Http.Response retried = http().post("/api/v1/notifications/outbox/" + dead.get(0).get("id").asLong()
                + "/retry", "application/json", "", ADMIN);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVER.received("/flaky").size() == 1);
        assertThat(RECEIVER.received("/flaky").get(0).key()).isEqualTo(dead.get(0).get("idempotency_key").asString());
        assertThat(http().post("/api/v1/notifications/outbox/" + dead.get(0).get("id").asLong() + "/retry",
                "application/json", "", ADMIN).status()).as("only a dead message is retried").isEqualTo(404);
    }

    /**
     * The digest: the companies a subscription covers, those that got worse first, each with its verdict and what
     * moved, the report of those that got worse inline with inline styles only, and a plain-text part.
     */
    @Test
    void theDigestArrivesWithTheCompaniesThatGotWorseFirstAndTheirReportsInline() throws Exception {
        store("delta", "2024-01", 0.02);
        store("delta", "2024-02", 0.09);
        // One period: nothing to have got worse since.
        store("epsilon", "2024-01", 0.02);
        Http.Response subscribed = http().post("/api/v1/notifications/subscriptions", "application/json",
                Http.json(Map.of("name", "board digest", "channel", "email", "target", "board@acme.example",
                        "companies", List.of("epsilon", "delta"), "digest_cron", "* * * * * *")), ADMIN);
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        MimeMessage digest = await().atMost(Duration.ofSeconds(20)).until(() -> java.util.Arrays.stream(
                        SMTP.getReceivedMessages()).filter(this::toTheBoard).findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(http().delete("/api/v1/notifications/subscriptions/" + subscribed.json().get("id").asLong(), ADMIN)
                .status()).isEqualTo(204);

        assertThat(digest.getSubject()).startsWith("Health Advisor digest, ").endsWith(": 2 companies, 1 got worse");
        Map<String, String> parts = parts(digest);
        String html = parts.get("text/html");
        keep("digest.html", html);
        assertThat(html.indexOf("delta, 2024-02")).isPositive().isLessThan(html.indexOf("epsilon, 2024-01"));
        assertThat(html).contains("New: ").contains("class=\"ha-report\"").contains("<svg")
                .contains("style=\"").doesNotContain("<style", "<script");
        assertThat(parts.get("text/plain")).contains("delta, 2024-02: concerning", "epsilon, 2024-01");
    }

    /**
     * A band widened through the preview moves a stored company's verdict: the subscription that asked is told. Last,
     * since it changes the rules the other tests judge with.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void aRuleChangeThatMovesAStoredVerdictIsToldOnceApplied() throws Exception {
        Http.Response subscribed = http().post("/api/v1/notifications/subscriptions", "application/json",
                Http.json(Map.of("name", "rule changes", "channel", "webhook", "target", RECEIVER.url("/rules"),
                        "companies", List.of("zeta"), "on_rule_change", true)), ADMIN);
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        store("zeta", "2024-01", 0.02);
        store("zeta", "2024-02", 0.09);
        String before = http().getWith("/api/v1/companies/zeta/timeline", ADMIN).json().at("/periods/1/health")
                .asString();

        String bands = http().get("/api/v1/rules/files/benchmarks.csv").body()
                .replace("logo_churn_rate_monthly,acceptable,2% to 5%,", "logo_churn_rate_monthly,acceptable,2% to 10%,")
                .replace("logo_churn_rate_monthly,crisis,> 5%,", "logo_churn_rate_monthly,crisis,> 10%,");
        Http.Response preview = http().post("/api/v1/rules/preview", "application/json",
                Http.json(Map.of("files", Map.of("benchmarks.csv", bands))), ADMIN);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("\"company\":\"zeta\"");
        Http.Response applied = http().post("/api/v1/rules/previews/" + preview.json().get("id").asString() + "/apply",
                "application/json", "", ADMIN);
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVER.received("/rules").size() == 1);
        JsonNode told = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(RECEIVER.received("/rules").get(0).body());
        assertThat(told.get("kind").asString()).isEqualTo("rules");
        assertThat(told.at("/companies/0/company").asString()).isEqualTo("zeta");
        assertThat(told.at("/companies/0/health_before").asString()).isEqualTo(before);
        assertThat(told.at("/companies/0/health_after").asString()).isNotEqualTo(before);
    }

    private boolean toTheBoard(MimeMessage message) {
        return mailsTo("board@acme.example").contains(message);
    }

    /** A message as received, under target/notifications, for a person to look at. */
    private static void keep(String name, String content) throws IOException {
        Path directory = com.healthadvisor.TestFiles.BUILD.resolve("notifications");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(name), content);
    }

    /** What the SMTP server received for one address. */
    private static List<MimeMessage> mailsTo(String address) {
        return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Each text part of a message by its type, decoded, as a mail client shows it. */
    private static Map<String, String> parts(jakarta.mail.Part part) throws Exception {
        Map<String, String> found = new java.util.HashMap<>();
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.putAll(parts(multipart.getBodyPart(i)));
            }
        } else if (part.isMimeType("text/plain")) {
            found.put("text/plain", (String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            found.put("text/html", (String) part.getContent());
        }
        return found;
    }

    @Test
    void badSubscriptionsAreRefusedWithEveryReasonAndViewersMayNotSubscribe() {
        Http.Response bad = http().post("/api/v1/notifications/subscriptions", "application/json",
                Http.json(Map.of("name", "", "channel", "pigeon", "target", "x", "min_severity", "positive")), ADMIN);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("name: 1 to 100 characters", "channel: webhook, slack or email",
                "min_severity: critical, high, medium or low");
        Http.Response noTrigger = http().post("/api/v1/notifications/subscriptions", "application/json",
                Http.json(Map.of("name", "x", "channel", "webhook", "target", "ftp://example.com/x")), ADMIN);
        assertThat(noTrigger.body()).contains("target: an http or https URL", "a trigger");
        assertThat(http().post("/api/v1/notifications/subscriptions", "application/json", "{}").status())
                .isEqualTo(401);
        assertThat(http().getWith("/api/v1/notifications/subscriptions", ADMIN).body()).doesNotContain("whsec_");
    }

    private JsonNode subscribe(String channel, String target, String company) {
        Http.Response created = http().post("/api/v1/notifications/subscriptions", "application/json",
                Http.json(Map.of("name", channel + " for " + company, "channel", channel, "target", target,
                        "companies", List.of(company), "min_severity", "high", "on_health_change", true)), ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** One month of a company whose customers churn at the rate given, through the API. */
    private void store(String company, String period, double churn) {
        long starting = 1_000;
        long churned = Math.round(starting * churn);
        String document = String.format(Locale.ROOT, "{\"period\":\"%s\",\"customers\":{\"starting\":%d,\"new\":40,"
                        + "\"churned\":%d,\"ending\":%d},\"mrr\":{\"starting\":500000,\"new\":20000,\"expansion\":8000,"
                        + "\"contraction\":1000,\"churned\":%d,\"ending\":%d}}", period, starting, churned,
                starting + 40 - churned, churned * 500, 500_000 + 20_000 + 8_000 - 1_000 - churned * 500);
        Http.Response stored = http().putJson("/api/v1/companies/" + company + "/snapshots/" + period, document, ADMIN);
        assertThat(stored.status()).as(stored.body()).isIn(200, 201);
    }

    /** An HTTP receiver: records what each path got, checks webhook signatures, and fails on request. */
    static final class Receiver {

        record Delivery(String key, String body) {
        }

        final HttpServer server;
        final Map<String, List<Delivery>> got = new ConcurrentHashMap<>();
        final Map<String, Boolean> failing = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final AtomicInteger badSignatures = new AtomicInteger();
        volatile String secret;

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                attempts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                if (path.equals("/hook") && !validSignature(exchange.getRequestHeaders()
                        .getFirst("X-Health-Advisor-Signature"), body)) {
                    badSignatures.incrementAndGet();
                }
                int status = Boolean.TRUE.equals(failing.get(path)) ? 500 : 204;
                if (status == 204) {
                    got.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                            .add(new Delivery(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        List<Delivery> received(String path) {
            return got.getOrDefault(path, List.of());
        }

        /** As docs/notifications.md shows: HMAC-SHA256 of "t.body" with the secret, compared with v1. */
        private boolean validSignature(String header, String body) {
            if (header == null || secret == null) {
                return false;
            }
            Map<String, String> parts = new java.util.HashMap<>();
            for (String part : header.split(",")) {
                String[] pair = part.split("=", 2);
                parts.put(pair[0], pair[1]);
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = HexFormat.of().formatHex(mac.doFinal((parts.get("t") + "." + body)
                        .getBytes(StandardCharsets.UTF_8)));
                long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(parts.get("t")));
                return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        parts.get("v1").getBytes(StandardCharsets.UTF_8)) && age < 300;
            } catch (java.security.GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }
    }
}
