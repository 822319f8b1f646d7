package com.healthadvisor.web;

import com.healthadvisor.access.ApiSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holes an outside attack found in the second round, each tried as the attacker did, against a service with the
 * default settings but for its tokens and users: rule logic over the network, previews, the rule-change queue, slow
 * clients, long ledgers, sign-in, redirects, what anonymous callers learn, and documents in other encodings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecondRoundHolesTest {

    static final String TOKEN = "second-round-admin-token";
    static final String[] ADMIN = {"Authorization", "Bearer " + TOKEN};
    static final String[] ANALYST = {"Authorization", "Bearer alice-second-round-token"};
    static final Path RULES = Http.copyOf("rules", "[^.].*");
    static final Path FIXTURES = Http.copyOf("fixtures", "seed-.*");
    static final String MARIA_PASSWORD = "maria-second-round-password";
    static final String ADMIN_PASSWORD = "initial-admin-second-round";
    static final String SNAPSHOT = "{\"period\":\"2024-06\",\"mrr\":{\"starting\":1000,\"new\":100,\"ending\":1100}}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules", RULES::toString);
        registry.add("advisor.fixtures", FIXTURES::toString);
        registry.add("advisor.admin-token", () -> TOKEN);
        registry.add("advisor.watch", () -> "false");
        registry.add("advisor.editors[0].name", () -> "alice");
        registry.add("advisor.editors[0].role", () -> "analyst");
        registry.add("advisor.editors[0].token-sha256", () -> ApiSecurity.sha256("alice-second-round-token"));
        registry.add("advisor.initial-admin-password", () -> ADMIN_PASSWORD);
        registry.add("advisor.users[0].name", () -> "maria");
        registry.add("advisor.users[0].role", () -> "analyst");
        registry.add("advisor.users[0].password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(MARIA_PASSWORD));
        registry.add("advisor.request-body-timeout", () -> "3s");
        // The JDK's cookie jar keeps Secure cookies for https only; a browser treats localhost as secure.
        registry.add("server.servlet.session.cookie.secure", () -> "false");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + RULES.resolveSibling(RULES.getFileName() + "-db")
                .resolve("advisor") + ";LOCK_TIMEOUT=60000");
    }

    @Value("${local.server.port}")
    int port;

    Http http() {
        return new Http(port);
    }

    @Test
    void ruleLogicDoesNotChangeOverTheNetworkByDefaultEvenForTheAdmin() throws IOException {
        String drl = Files.readString(RULES.resolve("growth.drl"));
        String limits = Files.readString(RULES.resolve("limits.csv"));

        Http.Response put = http().put("/api/v1/rules/files/growth.drl", drl + "\n", ADMIN);
        Http.Response added = http().put("/api/v1/rules/files/extra.drl", "package rules;\n", ADMIN);
        Http.Response validate = http().post("/api/v1/rules/validate?name=growth.drl", "text/plain", drl, ADMIN);
        Http.Response preview = http().post("/api/v1/rules/preview", "application/json",
                "{\"files\":{\"growth.drl\":null}}", ADMIN);
        Http.Response delete = http().delete("/api/v1/rules/files/growth.drl", ADMIN);
        Http.Response csv = http().put("/api/v1/rules/files/limits.csv", limits + "\n", ADMIN);

        for (Http.Response refused : List.of(put, added, validate, preview, delete)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("advisor.rules.network-drl");
        }
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(Files.readString(RULES.resolve("growth.drl"))).isEqualTo(drl);
        assertThat(RULES.resolve("extra.drl")).doesNotExist();
        assertThat(http().getWith("/api/v1/rules/audit", ADMIN).body()).contains("network-drl");
        http().put("/api/v1/rules/files/limits.csv", limits, ADMIN);
    }

    @Test
    void anAnalystCannotValidateRuleLogicEither() {
        Http.Response validate = http().post("/api/v1/rules/validate?name=growth.drl", "text/plain",
                "package rules;\n", ANALYST);

        assertThat(validate.status()).isEqualTo(403);
    }

    @Test
    void aPreviewBelongsToItsAuthorAndARefusedApplyLeavesIt() throws IOException {
        String limits = Files.readString(RULES.resolve("limits.csv"));
        String wider = limits.replace("blended_average_spread,10,", "blended_average_spread,13,");
        String id = http().post("/api/v1/rules/preview", "application/json", previewOf("limits.csv", wider), ADMIN)
                .json().get("id").asString();
        for (int i = 0; i < 16; i++) {
            String other = limits.replace("blended_average_spread,10,", "blended_average_spread," + (20 + i) + ",");
            assertThat(http().post("/api/v1/rules/preview", "application/json", previewOf("limits.csv", other),
                    ANALYST).status()).isEqualTo(200);
        }

        Http.Response byAnother = http().post("/api/v1/rules/previews/" + id + "/apply", "text/plain", "", ANALYST);
        Http.Response byItsAuthor = http().post("/api/v1/rules/previews/" + id + "/apply", "text/plain", "", ADMIN);

        assertThat(byAnother.status()).isEqualTo(404);
        assertThat(byItsAuthor.status()).as(byItsAuthor.body()).isEqualTo(200);
        assertThat(Files.readString(RULES.resolve("limits.csv"))).contains("blended_average_spread,13,");
        http().put("/api/v1/rules/files/limits.csv", limits, ADMIN);
    }

    @Test
    void anActorWithTooMuchWaitingGetsA429WithRetryAfter() {
        String wording = Http.read(RULES.resolve("growth.yaml"));
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/rules/validate?name=growth.yaml")).header(ANALYST[0], ANALYST[1])
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(wording)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(200, 429));
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 429).isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.headers().firstValue("Retry-After")).hasValue("5"));
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).isNotEmpty();
    }

    @Test
    void aTrickledBodyIsDroppedAndHealthAnswersWhileFiftySlowClientsHang() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                slow.add(startTrickling());
            }
            // A service with no thread left would leave this unanswered: the timeout fails the test.
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/actuator/health")).timeout(java.time.Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(droppedWithin(slow.get(0), 20)).as("the connection trickling its body was dropped within 20 s")
                    .isTrue();
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aLargeBodyOverASlowButSteadyLinkIsTakenWholeAfterTheGracePeriod() throws Exception {
        String padded = SNAPSHOT.replace("{\"period\"", "{" + " ".repeat(24 * 1024) + "\"period\"");
        byte[] body = padded.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/diagnoses HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            // 4 KB a second for six seconds: twice the grace period, four times the floor.
            for (int sent = 0; sent < body.length; sent += 4096) {
                out.write(body, sent, Math.min(4096, body.length - sent));
                out.flush();
                Thread.sleep(1_000);
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 200");
        }
    }

    /** Sends a byte a second; true once the service answers or closes the connection. */
    private static boolean droppedWithin(Socket socket, int seconds) throws IOException {
        for (int second = 0; second < seconds; second++) {
            try {
                socket.getOutputStream().write('x');
                socket.getOutputStream().flush();
                socket.getInputStream().read();
                return true;
            } catch (java.net.SocketTimeoutException e) {
                // still waiting for the rest of the body: send the next byte
            } catch (SocketException e) {
                return true;
            }
        }
        return false;
    }

    /** A sign-in form whose body says 200 bytes and sends one. */
    private Socket startTrickling() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(1_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 200\r\n\r\nu").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    @Test
    void aLedgerIsBoundedInItsMonths() {
        StringBuilder long_ = new StringBuilder("customer_id,month,mrr\n");
        for (int month = 0; month < 241; month++) {
            long_.append("c1,").append(2000 + month / 12).append('-').append(String.format("%02d", month % 12 + 1))
                    .append(",100\n");
        }
        String spanning = "customer_id,month,mrr\nc1,1900-01,5\nc1,9999-12,5\n";

        Http.Response tooLong = http().post("/api/v1/diagnoses", "text/csv", long_.toString());
        Http.Response tiny = http().post("/api/v1/diagnoses?allow_empty_months=true", "text/csv", spanning);
        Http.Response stored = http().post("/api/v1/companies/long-co/ledger?allow_empty_months=true", "text/csv",
                spanning, ADMIN);

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("241 months: at most 240");
        assertThat(tiny.status()).isEqualTo(400);
        assertThat(stored.status()).isEqualTo(400);
        assertThat(stored.body()).contains("at most 240");
    }

    @Test
    void twentyWrongPasswordsHoldTheAccountAndNoOtherOne() throws Exception {
        SignIn maria = new SignIn();
        for (int i = 0; i < 20; i++) {
            assertThat(maria.signIn("maria", "not-her-password")).startsWith("/login?");
        }

        String right = maria.signIn("maria", MARIA_PASSWORD);
        String other = new SignIn().signIn("admin", ADMIN_PASSWORD);

        assertThat(right).isEqualTo("/login?wait");
        assertThat(other).isEqualTo("/");
    }

    @Test
    void redirectsAreRelativeWhateverTheHostHeaderSays() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 302").doesNotContain("evil.example");
            assertThat(answer).containsPattern("(?i)location: /login\r\n");
        }
    }

    @Test
    void signingInAfterAPageAskedForItReturnsToItsPathWhateverTheHostHeaderSays() throws IOException {
        String asked = raw("GET /companies HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        String cookie = header(asked, "Set-Cookie").split(";")[0];
        String form = raw("GET /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + cookie
                + "\r\nConnection: close\r\n\r\n");
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        String body = "username=admin&password=" + ADMIN_PASSWORD + "&_csrf=" + URLEncoder.encode(token.group(1),
                StandardCharsets.UTF_8);

        String signedIn = raw("POST /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(signedIn).startsWith("HTTP/1.1 302");
        assertThat(header(signedIn, "Location")).isEqualTo("/companies?continue");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String header(String response, String name) {
        return response.lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse("");
    }

    @Test
    void anonymousCallersLearnHealthAndNothingAboutTheHost() {
        Http.Response prometheus = http().get("/actuator/prometheus");
        Http.Response metrics = http().get("/actuator/metrics");
        Http.Response info = http().get("/actuator/info");
        Http.Response scraped = http().getWith("/actuator/prometheus", ADMIN);

        assertThat(prometheus.status()).isEqualTo(401);
        assertThat(metrics.status()).isEqualTo(401);
        assertThat(info.body()).doesNotContain("\"os\"", "\"java\"", System.getProperty("os.version"));
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("disk_free_bytes").doesNotContain("path=\"", System.getProperty("user.dir"));
    }

    @Test
    void aCompanySnapshotWithAByteOrderMarkIsReadAndUtf16IsA415() {
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, SNAPSHOT.getBytes(StandardCharsets.UTF_8));
        byte[] utf16 = SNAPSHOT.getBytes(StandardCharsets.UTF_16);

        String company = "bom-" + System.nanoTime();
        HttpResponse<String> withBom = putBytes("/api/v1/companies/" + company + "/snapshots/2024-06", bom);
        HttpResponse<String> inUtf16 = putBytes("/api/v1/companies/utf16-" + company + "/snapshots/2024-06", utf16);
        Http.Response stored = http().getWith("/api/v1/companies/" + company + "/snapshots/2024-06", ADMIN);

        assertThat(withBom.statusCode()).as(withBom.body()).isEqualTo(201);
        assertThat(stored.body()).isEqualTo(SNAPSHOT);
        assertThat(inUtf16.statusCode()).isEqualTo(415);
        assertThat(inUtf16.body()).contains("UTF-8");
    }

    private HttpResponse<String> putBytes(String path, byte[] body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header(ADMIN[0], ADMIN[1]).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String previewOf(String file, String content) {
        return "{\"files\":{\"" + file + "\":" + tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(content) + "}}";
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** One browser: a cookie jar, the sign-in form's CSRF token, and where a sign-in sends it. */
    private final class SignIn {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        /** The Location a sign-in answers with, relative to the service. */
        String signIn(String name, String password) throws Exception {
            String form = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = CSRF.matcher(form);
            assertThat(token.find()).as("the sign-in form has a CSRF token").isTrue();
            String body = "username=" + encode(name) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
            HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
            answer.body().close();
            assertThat(answer.statusCode()).isEqualTo(302);
            return answer.headers().firstValue("Location").orElseThrow();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
