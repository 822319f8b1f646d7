package com.healthadvisor.web.workbench;

import com.healthadvisor.TestFiles;
import com.healthadvisor.company.CompanyMemory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench as its people use it, in Debian's Chromium: sign in, upload the seed ledger, read its report and
 * downloads, follow the timeline, submit by form with a mistake first, change a band as an analyst through the
 * preview, see the next diagnosis change, restore, check a rule file as it is typed, and a viewer refused at every
 * write. Every page passes axe (no serious or critical violation) and works at 1280 and 390 px; its screenshots are
 * written under target/workbench-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserIT {

    static final String LEDGER = "fixtures/ledger-legacy-decline-hidden-by-new-product.csv";
    static final String ADMIN_PASSWORD = "first-admin-secret";
    static final String ANALYST_PASSWORD = "ana-analyst-secret";
    static final String VIEWER_PASSWORD = "vic-viewer-secret";
    static final String API_TOKEN = "workbench-it-api-token";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path root = Files.createTempDirectory("workbench-it");
        registry.add("advisor.rules", () -> TestFiles.copy(Path.of("rules"), root.resolve("rules"), "[^.].*").toString());
        registry.add("advisor.fixtures", () -> TestFiles.copy(Path.of("fixtures"), root.resolve("fixtures"), "seed-.*")
                .toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + root.resolve("db/advisor"));
        // The operator has let admins change DRL here: the admin's editor is tried too.
        registry.add("advisor.rules.network-drl", () -> "true");
        registry.add("advisor.reload-debounce", () -> "100ms");
        registry.add("advisor.initial-admin-password", () -> ADMIN_PASSWORD);
        registry.add("advisor.admin-token", () -> API_TOKEN);
        // A message that fails once is given up on at once: the page's retry button is tried without waiting.
        registry.add("advisor.notifications.max-attempts", () -> "1");
        registry.add("advisor.notifications.poll", () -> "200ms");
        String[][] users = {{"ana", "analyst", ANALYST_PASSWORD}, {"vic", "viewer", VIEWER_PASSWORD}};
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        for (int i = 0; i < users.length; i++) {
            String[] user = users[i];
            String hash = encoder.encode(user[2]);
            registry.add("advisor.users[" + i + "].name", () -> user[0]);
            registry.add("advisor.users[" + i + "].role", () -> user[1]);
            registry.add("advisor.users[" + i + "].password-hash", () -> hash);
        }
    }

    @Value("${local.server.port}")
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    CompanyMemory memory;

    Browser browser;
    final HttpClient http = HttpClient.newHttpClient();
    String initialVersion;

    @BeforeAll
    void start() {
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            System.out.println("Workbench screenshots:\n  " + String.join("\n  ", browser.screenshots()));
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedAndTheKeyboardSignsIn() {
        browser.open("/");
        assertThat(browser.path()).isEqualTo("/login");
        browser.check("sign-in");
        signIn("ana", "not-the-password");
        browser.waitFor("document.querySelector('[role=alert]') !== null", 10);
        assertThat(browser.text("[role=alert]")).contains("do not match");
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        // The name asks for the focus (whether a headless window grants it at once varies); from there the keyboard
        // alone: the name, Tab to the password, and Enter.
        assertThat(browser.find("#username").getAttribute("autofocus")).isNotNull();
        browser.find("#username").click();
        new Actions(browser.driver()).sendKeys("ana", Keys.TAB, ANALYST_PASSWORD, Keys.ENTER).perform();
        browser.waitFor("location.pathname === '/'", 10);
        assertThat(browser.text(".who")).contains("ana").contains("analyst");
        // The first Tab on a page reaches the link that skips to its content.
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertThat(browser.script("return document.activeElement.className;")).isEqualTo("skip");
        browser.check("companies-empty");
    }

    @Test
    @Order(2)
    void theSessionCookieIsHttpOnlySecureAndStrict() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(browser.base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Strict");
        // A sign-in without the form's CSRF token is refused.
        HttpResponse<String> forged = post("/login", "username=ana&password=" + ANALYST_PASSWORD,
                cookie.substring(0, cookie.indexOf(';')));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void aBadLedgerShowsEachProblemBesideItsLineAndStoresNothing() throws IOException {
        Path bad = Files.createTempFile("bad-ledger", ".csv");
        Files.writeString(bad, "customer_id,month,mrr\nC-1,2024-01,100\nC-1,2024-13,abc\n");
        browser.open("/submit");
        assertThat(browser.all(".readonly")).as("an analyst may submit").isEmpty();
        browser.check("submit");
        browser.find("#upload-company").sendKeys("broken");
        browser.find("#file").sendKeys(bad.toAbsolutePath().toString());
        assertThat(browser.text("#drop .chosen")).contains(bad.getFileName().toString());
        browser.find("#upload button[type=submit]").click();
        browser.waitFor("document.querySelector('#file-problems') !== null", 20);
        assertThat(browser.text("#file-problems")).contains("Nothing was stored. 2 problems:").contains("line 3");
        assertThat(browser.find("#file-problems pre.line").getText()).isEqualTo("C-1,2024-13,abc");
        assertThat(browser.text("#file-problems li")).startsWith("line 3: month must be YYYY-MM");
        browser.check("submit-ledger-problems");
        browser.open("/");
        assertThat(browser.find("main").getText()).doesNotContain("broken");
    }

    @Test
    @Order(4)
    void theSeedLedgerIsStoredAndItsTimelineShown() {
        browser.open("/submit");
        browser.find("#upload-company").sendKeys("acme");
        browser.find("#file").sendKeys(Path.of(LEDGER).toAbsolutePath().toString());
        browser.find("#upload button[type=submit]").click();
        browser.waitFor("location.pathname === '/companies/acme'", 30);
        assertThat(browser.text("[role=status]")).matches("Stored \\d+ periods\\.");
        List<WebElement> cells = browser.all(".strip .cell");
        assertThat(cells).hasSizeGreaterThanOrEqualTo(6);
        assertThat(cells.get(cells.size() - 1).getText()).contains("2024-06").contains("concerning");
        assertThat(browser.all("figure.chart svg circle")).isNotEmpty();
        assertThat(browser.text("main")).contains("Since the previous period").contains("From 2024-05 to 2024-06");
        browser.check("timeline");
        browser.open("/");
        assertThat(browser.text("table.list")).contains("acme").contains("2024-06").contains("concerning");
        browser.check("companies");
    }

    /**
     * A Stripe export dropped on the box is recognized, and every month of it stored with the same diagnoses as the
     * same file sent to the API (CompaniesThroughServiceTest does the command line).
     */
    @Test
    @Order(5)
    void aStripeExportDroppedOnTheBoxIsStoredAsTheApiStoresIt() throws Exception {
        Path export = Path.of("fixtures/exports/stripe-subscriptions.jsonl");
        browser.open("/submit");
        browser.find("#upload-company").sendKeys("stripe-by-hand");
        browser.find("#file").sendKeys(export.toAbsolutePath().toString());
        browser.find("#upload button[type=submit]").click();
        browser.waitFor("location.pathname === '/companies/stripe-by-hand'", 60);
        assertThat(browser.all(".strip .cell")).hasSize(23);
        browser.check("stripe-import");

        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(browser.base()
                        + "/api/v1/companies/stripe-by-api/imports/stripe"))
                .header("Authorization", "Bearer " + API_TOKEN).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(export)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        assertThat(sameDiagnoses(memory.timeline("stripe-by-hand"))).isEqualTo(
                sameDiagnoses(memory.timeline("stripe-by-api")));

        // Uploads on the workbench are metered as the API's are (the bad ledger and the seed ledger above).
        String scraped = http.send(HttpRequest.newBuilder(URI.create(browser.base() + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + API_TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scraped).contains("advisor_ledger_imports_seconds_count{outcome=\"invalid\",via=\"workbench\"}",
                "advisor_ledger_imports_seconds_count{outcome=\"ok\",via=\"workbench\"}",
                "advisor_company_stores_seconds_count{outcome=\"ok\",via=\"workbench\"}",
                "advisor_company_stores_seconds_count{outcome=\"ok\",via=\"api\"}");
    }

    private static List<List<Object>> sameDiagnoses(List<com.healthadvisor.company.TimelineEntry> timeline) {
        return timeline.stream().map(entry -> List.<Object>of(entry.period(), entry.health(), entry.metrics(),
                entry.codes())).toList();
    }

    @Test
    @Order(6)
    void theReportIsTheHtmlReportWithItsDownloads() throws Exception {
        browser.open("/companies/acme");
        browser.all(".strip .cell").get(browser.all(".strip .cell").size() - 1).click();
        browser.waitFor("location.pathname === '/companies/acme/periods/2024-06'", 10);
        String report = browser.text(".report");
        assertThat(report).contains("acme: SaaS health report").containsIgnoringCase("fix retention first");
        browser.check("report");
        String cookie = browser.sessionCookie();
        HttpResponse<String> html = get("/companies/acme/periods/2024-06/report.html", cookie);
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("acme: SaaS health report");
        // The page shows exactly the HTML report: the same section, byte for byte.
        String section = html.body().substring(html.body().indexOf("<section class=\"ha-report\">"),
                html.body().indexOf("</section>", html.body().lastIndexOf("<section class=\"ha-report\">")));
        String shown = (String) browser.script("return document.querySelector('.report').innerHTML;");
        assertThat(shown.replaceAll("\\s+", " ")).contains(section.substring(0, 200).replaceAll("\\s+", " "));
        HttpResponse<String> markdown = get("/companies/acme/periods/2024-06/report.md", cookie);
        assertThat(markdown.headers().firstValue("Content-Disposition").orElseThrow()).contains("acme-2024-06.md");
        assertThat(markdown.body()).startsWith("# acme: SaaS health report");
        HttpResponse<byte[]> pdf = http.send(request("/companies/acme/periods/2024-06/report.pdf", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(browser.find("#embed-link").getAttribute("value"))
                .isEqualTo(browser.base() + "/companies/acme/periods/2024-06/report.html");
        browser.find("button.copy").click();
        browser.waitFor("document.querySelector('.copied').textContent === 'Copied'", 5);
    }

    @Test
    @Order(7)
    void theFormShowsAProblemBesideItsFieldThenStores() {
        browser.open("/submit");
        fill("company", "beta");
        fill("period", "2024-06");
        fill("mrr.starting", "lots");
        fill("mrr.new", "20000");
        fill("mrr.churned", "15000");
        fill("customers.starting", "400");
        fill("customers.new", "30");
        fill("customers.churned", "20");
        fill("metrics.nrr", "96%");
        browser.find("#bridges button[type=submit]").click();
        browser.waitFor("document.getElementById('e-mrr.starting') !== null", 20);
        assertThat(browser.find("#e-mrr\\.starting").getText()).contains("\"lots\" is not a number");
        assertThat(browser.find("[id='f-mrr.starting']").getAttribute("aria-invalid")).isEqualTo("true");
        browser.check("submit-form-problem");
        browser.find("[id='f-mrr.starting']").clear();
        fill("mrr.starting", "500,000");
        browser.find("#bridges button[type=submit]").click();
        browser.waitFor("location.pathname === '/companies/beta/periods/2024-06'", 20);
        assertThat(browser.text(".report")).contains("beta: SaaS health report");
    }

    @Test
    @Order(8)
    void aSnapshotDroppedOnTheBoxIsStored() throws IOException {
        browser.open("/submit");
        browser.find("#upload-company").sendKeys("seed-two");
        browser.script("""
                var file = new File([arguments[0]], 'seed-2-warning-signs.json', {type: 'application/json'});
                var data = new DataTransfer();
                data.items.add(file);
                var drop = document.getElementById('drop');
                drop.dispatchEvent(new DragEvent('dragenter', {dataTransfer: data, bubbles: true, cancelable: true}));
                drop.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
                """, Files.readString(Path.of("fixtures/seed-2-warning-signs.json")));
        assertThat(browser.text("#drop .chosen")).contains("seed-2-warning-signs.json");
        browser.find("#upload button[type=submit]").click();
        browser.waitFor("location.pathname === '/companies/seed-two/periods/2024-06'", 30);
        assertThat(browser.text(".report")).contains("Overall health: Critical");
    }

    @Test
    @Order(9)
    void anAnalystChangesABandThroughThePreviewAndTheNextDiagnosisChanges() {
        browser.open("/rules/versions");
        initialVersion = browser.find("main p code").getText();
        browser.open("/rules");
        assertThat(browser.all(".readonly")).as("an analyst may change bands").isEmpty();
        // Metrics and bands in words, as the report names them; the codes in a tooltip.
        WebElement metric = browser.find("#band-42 th span");
        assertThat(metric.getText()).isEqualTo("Quick ratio");
        assertThat(metric.getAttribute("title")).isEqualTo("quick_ratio");
        assertThat(browser.text("#band-44 td")).isEqualTo("leaky bucket");
        assertThat(browser.text("#bands tbody")).doesNotContain("_rate");
        browser.check("bands");
        setRange(42, "1.5 to 4");     // quick_ratio healthy
        setRange(44, "< 1.5");        // quick_ratio leaky_bucket
        browser.find("#bands button[type=submit]").click();
        browser.waitFor("location.pathname.startsWith('/rules/previews/')", 60);
        String preview = browser.text("main");
        assertThat(preview).contains("These companies would change").contains("acme")
                .contains("Leaky bucket: MRR gains barely cover the losses").doesNotContain("LEAKY_BUCKET");
        // Said in words, the finding by its title, with the company it would leave; the code in a tooltip.
        assertThat(browser.text("#preview-words")).contains("Leaky bucket: MRR gains barely cover the losses would "
                + "disappear for 1 company: acme concerning → concerning.");
        assertThat(browser.find("#company-moves span[title=LEAKY_BUCKET]").getText())
                .isEqualTo("Leaky bucket: MRR gains barely cover the losses");
        // The edit itself first, as a diff of the lines changed.
        assertThat(browser.text("#preview-diff")).contains("--- a/benchmarks.csv", "@@ -",
                "-quick_ratio,healthy,2 to 4,,,,good", "+quick_ratio,healthy,1.5 to 4,,,,good");
        browser.check("preview");
        browser.find("#message").sendKeys("quick ratio: healthy from 1.5");
        browser.find("#apply button[type=submit]").click();
        browser.waitFor("location.pathname === '/rules/versions'", 60);
        assertThat(browser.text("[role=status]")).containsPattern("Applied: the active rules are now version v\\d+, "
                + "rule set [0-9a-f]{8}\\.");
        assertThat(browser.text("#active-version")).containsPattern("Active: version v\\d+, rule set [0-9a-f]{8} ");
        assertThat(browser.text("#versions")).contains("quick ratio: healthy from 1.5").contains("ana");
        // Made on the workbench, and the version says so.
        assertThat(browser.text("#versions tbody tr")).contains("ana workbench quick ratio: healthy from 1.5");
        browser.check("versions");

        // The next diagnosis: the same ledger for another company, judged by the new band.
        browser.open("/submit");
        browser.find("#upload-company").sendKeys("acme-after");
        browser.find("#file").sendKeys(Path.of(LEDGER).toAbsolutePath().toString());
        browser.find("#upload button[type=submit]").click();
        browser.waitFor("location.pathname === '/companies/acme-after'", 30);
        String newest = lastRow();
        assertThat(newest).doesNotContain("Leaky bucket: MRR gains barely cover the losses");
        browser.open("/companies/acme");
        // Findings by their titles, their codes in a tooltip.
        assertThat(lastRow()).contains("Leaky bucket: MRR gains barely cover the losses").doesNotContain("LEAKY_BUCKET");
        assertThat(browser.all("table.list tbody td.codes span[title=LEAKY_BUCKET]")).isNotEmpty();
    }

    @Test
    @Order(10)
    void aVersionShowsItsDiffAndIsRestoredThroughThePreview() {
        browser.open("/rules/versions");
        browser.find("#versions tbody tr th a").click();
        assertThat(browser.text("pre.diff")).contains("+quick_ratio,healthy,1.5 to 4,,,,good")
                .contains("-quick_ratio,healthy,2 to 4,,,,good");
        browser.check("version-diff");
        // The version before the change: the second row.
        browser.open("/rules/versions");
        WebElement before = browser.all("#versions tbody tr").get(1);
        String restored = before.findElement(By.cssSelector("th code")).getText();
        before.findElement(By.cssSelector("button")).click();
        browser.waitFor("location.pathname.startsWith('/rules/previews/')", 60);
        assertThat(browser.text("main")).contains("Leaky bucket: MRR gains barely cover the losses would appear");
        // A restore says which version it restores, and its message says so too, instead of an edit's example.
        assertThat(browser.text("h1")).isEqualTo("Preview of restoring version " + restored);
        assertThat(browser.text("#preview-diff")).contains("+quick_ratio,healthy,2 to 4,,,,good");
        assertThat(browser.find("#message").getAttribute("value")).isEqualTo("Restore version " + restored);
        browser.check("restore-preview");
        browser.find("#apply button[type=submit]").click();
        browser.waitFor("location.pathname === '/rules/versions'", 60);
        assertThat(browser.find("[role=status] code").getText()).isEqualTo(initialVersion);
        browser.open("/rules/audit");
        assertThat(browser.text("#audit")).contains("ana").contains("apply");
        browser.check("audit");
    }

    @Test
    @Order(11)
    void wordingIsEditedPerCodeAndRuleFilesAreCheckedAsTheyAreTyped() {
        browser.open("/rules/wording");
        browser.check("wording");
        browser.find("a[href='/rules/wording/LEAKY_BUCKET']").click();
        assertThat(browser.find("#title").getAttribute("value")).isNotBlank();
        browser.check("wording-code");
        browser.find("#title").clear();
        browser.find("#title").sendKeys("The bucket leaks: churn eats new revenue");
        browser.find("#wording button[type=submit]").click();
        browser.waitFor("location.pathname.startsWith('/rules/previews/')", 60);
        assertThat(browser.text("main")).contains("growth.yaml").doesNotContain("cannot be applied");
        browser.find("#apply button[type=submit]").click();
        browser.waitFor("location.pathname === '/rules/versions'", 60);

        // An analyst may not change DRL: the editor is read-only, and says so.
        browser.open("/rules/files/retention.drl");
        assertThat(browser.text(".readonly")).contains("DRL");
        assertThat(browser.find("#content").isEnabled()).isFalse();
        // benchmarks.csv is the analyst's: a broken line is found by the server's checker while typing.
        browser.open("/rules/files/benchmarks.csv");
        WebElement content = browser.find("#content");
        content.sendKeys(Keys.CONTROL, Keys.END);
        content.sendKeys("\nnrr,bogus,somewhere,,,,good");
        browser.waitFor("document.querySelector('#check-status').textContent.includes('problem')", 60);
        String problems = browser.text("#check-problems");
        assertThat(problems).containsPattern("benchmarks\\.csv:\\d+");
        assertThat(browser.all(".gutter .bad")).isNotEmpty();
        browser.check("file-editor-problem");
    }

    @Test
    @Order(12)
    void anAdminEditsDrlWithTheCheckerShowingFileAndLine() {
        signOut();
        signIn("admin", ADMIN_PASSWORD);
        browser.open("/rules/files/retention.drl");
        WebElement content = browser.find("#content");
        assertThat(content.isEnabled()).isTrue();
        content.sendKeys(Keys.CONTROL, Keys.END);
        content.sendKeys("\nrule \"broken\"\nwhen\n    Metric(\nthen\nend\n");
        browser.waitFor("document.querySelector('#check-status').textContent.includes('problem')", 60);
        assertThat(browser.text("#check-problems")).containsPattern("retention\\.drl:\\d+: ");
        assertThat(browser.all(".gutter .bad")).isNotEmpty();
        browser.check("file-editor-drl");
    }

    /** A workbench session does not open the API, and an API token does not open the workbench. */
    @Test
    @Order(13)
    void theApiKeepsItsTokensAndTheWorkbenchItsSessions() throws Exception {
        HttpResponse<String> withSession = http.send(request("/api/v1/rules/files/limits.csv", browser.sessionCookie())
                .PUT(HttpRequest.BodyPublishers.ofString("name,value,description\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withSession.statusCode()).isIn(401, 403);
        // Spelt otherwise, the API is still the API: a session (and its CSRF token) opens none of it.
        String csrf = (String) browser.script("return document.querySelector('meta[name=csrf-token]').content;");
        for (String path : List.of("/%61pi/v1/companies/acme", "/%41PI/v1/companies/acme", "/api/v1/%63ompanies/acme")) {
            HttpResponse<String> delete = http.send(request(path, browser.sessionCookie())
                    .header("X-CSRF-TOKEN", csrf).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(delete.statusCode()).as("DELETE %s with a session", path).isIn(400, 401, 403, 404);
        }
        browser.open("/");
        assertThat(browser.text("table.list")).contains("acme");
        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(browser.base() + "/rules"))
                .header("Authorization", "Bearer " + ADMIN_PASSWORD).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(302);
        assertThat(withToken.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    @Order(14)
    void aViewerReadsEverythingAndIsRefusedAtEachWrite() throws Exception {
        signOut();
        signIn("vic", VIEWER_PASSWORD);
        browser.open("/companies/acme");
        assertThat(browser.all(".strip .cell")).isNotEmpty();
        browser.open("/rules");
        assertThat(browser.text(".readonly")).contains("viewer");
        assertThat(browser.all("#bands input[name=range]")).isEmpty();
        assertThat(browser.text("#range-42")).isEqualTo("2 to 4");
        browser.check("bands-viewer");
        // A viewer who re-enables the button in the page is refused by the server, and nothing changes.
        browser.script("document.querySelector('#bands button').disabled = false;");
        browser.find("#bands button[type=submit]").click();
        browser.waitFor("document.querySelector('h1').textContent === 'Not for your role'", 20);
        browser.check("refused");

        String cookie = browser.sessionCookie();
        String csrf = (String) browser.script("return document.querySelector('meta[name=csrf-token]').content;");
        for (String write : List.of("/submit/file", "/submit/form", "/rules/bands", "/rules/wording/LEAKY_BUCKET",
                "/rules/files/benchmarks.csv", "/rules/files/benchmarks.csv/check", "/rules/previews/x/apply",
                "/rules/versions/x/restore")) {
            HttpResponse<String> response = post(write, "_csrf=" + csrf + "&company=z&content=x", cookie);
            assertThat(response.statusCode()).as("a viewer's POST %s", write).isEqualTo(403);
        }
        HttpResponse<String> audit = get("/rules/audit", cookie);
        assertThat(audit.statusCode()).isEqualTo(403);
        browser.open("/?sort=name");
        assertThat(browser.all("#portfolio tbody th a").stream().map(WebElement::getText))
                .containsExactly("acme", "acme-after", "beta", "seed-two", "stripe-by-api", "stripe-by-hand");
    }

    @Test
    @Order(15)
    void anAdminAddsSomeoneWhoChangesTheirPasswordAndIsThenDisabled() {
        signOut();
        signIn("admin", ADMIN_PASSWORD);
        browser.waitFor("location.pathname === '/'", 10);
        browser.find("a[href='/users']").click();
        browser.waitFor("location.pathname === '/users'", 10);
        // The settings' people are listed without controls; the initial admin is the database's, with them.
        assertThat(browser.text("#user-ana")).contains("Set in the service's settings");
        assertThat(browser.all("#user-admin select")).hasSize(1);
        browser.find("#new-name").sendKeys("uma");
        new org.openqa.selenium.support.ui.Select(browser.find("#new-role")).selectByValue("analyst");
        browser.find("#new-password").sendKeys("uma-first-password");
        browser.find("#add-user button[type=submit]").click();
        browser.waitFor("document.querySelector('[role=status]') !== null", 10);
        assertThat(browser.text("[role=status]")).contains("Added uma as analyst");
        assertThat(browser.text("#user-changes")).contains("uma").contains("added");
        browser.check("users");

        signOut();
        signIn("uma", "uma-first-password");
        browser.waitFor("location.pathname === '/'", 10);
        assertThat(browser.all("a[href='/users']")).isEmpty();
        browser.find(".who a").click();
        browser.waitFor("location.pathname === '/account'", 10);
        browser.find("#current").sendKeys("uma-first-password");
        browser.find("#password").sendKeys("uma-chosen-password");
        browser.find("#repeat").sendKeys("uma-chosen-password");
        browser.find("#change-password button[type=submit]").click();
        browser.waitFor("document.querySelector('[role=status]') !== null", 10);
        assertThat(browser.text("[role=status]")).isEqualTo("Your password is changed.");
        browser.check("account");

        signOut();
        signIn("admin", ADMIN_PASSWORD);
        browser.waitFor("location.pathname === '/'", 10);
        browser.open("/users");
        browser.find("#user-uma button[aria-label='Disable uma']").click();
        browser.waitFor("document.querySelector('[role=status]') !== null", 10);
        assertThat(browser.text("#user-uma")).contains("disabled");
        signOut();
        signIn("uma", "uma-chosen-password");
        browser.waitFor("document.querySelector('[role=alert]') !== null", 10);
        assertThat(browser.path()).isEqualTo("/login?error");
    }

    /** The companies of a portfolio stored through the API for the home page: this many, two months each. */
    static final int PORTFOLIO = 2_000;

    @Test
    @Order(16)
    void aPortfolioOfTwoThousandCompaniesOpensFilteredInUnderASecond() throws Exception {
        storePortfolio();
        signIn("admin", ADMIN_PASSWORD);
        browser.waitFor("location.pathname === '/'", 10);

        // Filtered as an analyst would ask: the SMB companies that got worse, largest ARR first.
        browser.open("/?market=smb&worse=on&sort=arr");
        double filtered = pageLoadMillis();
        System.out.printf("Home page, %,d companies, filtered: %.0f ms (%s)%n", PORTFOLIO, filtered, browser.script(
                "var n = performance.getEntriesByType('navigation')[0]; return 'server ' + Math.round(n.responseStart"
                        + " - n.requestStart) + ' ms, page ' + Math.round(n.loadEventEnd - n.responseStart) + ' ms';"));
        assertThat(filtered).as("the filtered home page of %d companies, in ms", PORTFOLIO).isLessThan(1000);
        List<WebElement> rows = browser.all("#portfolio tbody tr");
        assertThat(rows).hasSize(HomePage.PAGE_SIZE);
        assertThat(browser.text("#matched")).matches("[0-9,]+ of [0-9,]+ companies, page 1 of [0-9]+\\.");
        assertThat(browser.all("#portfolio tbody tr .sparkline")).hasSize(HomePage.PAGE_SIZE);
        assertThat(browser.text("#portfolio tbody tr:first-child")).contains("SMB").containsAnyOf("New", "Worse", "→");
        browser.check("home-portfolio");

        // Paging, searching by name, and a view that matches nothing.
        browser.find("a[rel=next]").click();
        browser.waitFor("location.search.indexOf('page=2') >= 0", 10);
        assertThat(browser.text("#matched")).contains("page 2 of");
        browser.open("/?q=portfolio-0042");
        assertThat(browser.all("#portfolio tbody th a").stream().map(WebElement::getText))
                .containsExactly("portfolio-0042");
        browser.open("/?q=no-such-company");
        assertThat(browser.text("#matched")).isEqualTo("No company matches: loosen a filter.");
        browser.open("/");
        System.out.printf("Home page, %,d companies, unfiltered: %.0f ms%n", PORTFOLIO, pageLoadMillis());
        browser.check("home");
    }

    @Test
    @Order(17)
    void anAnalystSubscribesSilencesAndRetriesAMessageGivenUpOn() throws Exception {
        // Signed in here too, so that this test also runs on its own.
        signIn("admin", ADMIN_PASSWORD);
        browser.waitFor("location.pathname === '/'", 10);
        browser.open("/notifications");
        browser.find("#s-name").sendKeys("Ops hook");
        // Nothing listens there: the message fails, and with one attempt allowed it is given up on.
        browser.find("#s-target").sendKeys("http://127.0.0.1:9/hook");
        browser.find("#s-companies").sendKeys("notify-co");
        browser.find("#subscribe button[type=submit]").click();
        browser.waitFor("document.querySelector('[role=status]') !== null", 10);
        assertThat(browser.text("#secret pre")).startsWith("whsec_");
        assertThat(browser.text("#subscriptions")).contains("Ops hook", "notify-co", "high or above");

        for (String month : List.of("2025-01", "2025-02")) {
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(browser.base()
                            + "/api/v1/companies/notify-co/snapshots/" + month))
                    .header("Authorization", "Bearer " + API_TOKEN).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(monthOf(month.endsWith("1") ? 1 : 2, 800,
                            month.endsWith("1") ? 0.015 : 0.09, "smb", 300))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        do {
            browser.open("/notifications");
        } while (browser.all("#dead tbody tr").isEmpty() && System.nanoTime() < deadline);
        assertThat(browser.text("#dead")).contains("notify-co", "alert:");

        browser.find("#q-company").sendKeys("notify-co");
        browser.find("#q-code").sendKeys("LOGO_CHURN_CRISIS");
        browser.script("document.querySelector('#q-until').value = '2030-01-31';");
        browser.find("#q-reason").sendKeys("a known spike after the price change");
        browser.find("#silence button[type=submit]").click();
        // The page before the click may have a status of its own: wait for the page the click brings.
        browser.waitFor("document.querySelector('[role=status]') !== null && document.querySelector('#silences') "
                + "!== null && document.querySelector('#silences').textContent.includes('LOGO_CHURN_CRISIS')", 10);
        assertThat(browser.text("#silences")).contains("LOGO_CHURN_CRISIS", "a known spike");
        browser.check("notifications");

        browser.find("#dead button[aria-label^='Retry']").click();
        browser.waitFor("document.querySelector('[role=status]') !== null "
                + "&& document.querySelector('[role=status]').textContent.includes('queued again')", 10);
        assertThat(browser.text("[role=status]")).contains("queued again");
    }

    /** From the request's start to the page loaded, as the browser measured it. */
    private double pageLoadMillis() {
        return ((Number) browser.script("var n = performance.getEntriesByType('navigation')[0]; "
                + "return n.loadEventEnd - n.startTime;")).doubleValue();
    }

    /**
     * Two months of each company, stored four at a time: markets, stages and churn differ by company, so
     * that every filter has something to find and some companies get worse in the second month.
     */
    private void storePortfolio() throws Exception {
        String[] markets = {"smb", "mid_market", "enterprise", "mixed"};
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> stored = new java.util.ArrayList<>();
            for (int i = 0; i < PORTFOLIO; i++) {
                int company = i;
                stored.add(pool.submit(() -> {
                    String name = String.format("portfolio-%04d", company);
                    long customers = 200 + company * 7L % 900;
                    int worse = 0;
                    for (int month = 1; month <= 2; month++) {
                        double churn = month == 2 && company % 3 == 0 ? 0.09 : 0.015;
                        String document = monthOf(month, customers, churn, markets[company % 4], 400 + company % 50);
                        customers = customers + customers / 20 - Math.round(customers * churn);
                        // Stored as the API's PUT stores them (the company memory itself, glance and alerts
                        // included), without 4,000 requests' worth of waiting: this test is about the page.
                        CompanyMemory.Stored saved = memory.put(name, "2025-0" + month,
                                document.getBytes(StandardCharsets.UTF_8), "api");
                        worse += saved.created() ? 1 : 0;
                    }
                    return worse;
                }));
            }
            for (var future : stored) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String monthOf(int month, long starting, double churn, String market, long perCustomer) {
        long churned = Math.round(starting * churn);
        long won = starting / 20;
        long ending = starting + won - churned;
        long mrrStarting = starting * perCustomer;
        long mrrEnding = mrrStarting + won * perCustomer - churned * perCustomer;
        return String.format(java.util.Locale.ROOT, "{\"period\":\"2025-0%d\",\"profile\":{\"market\":\"%s\"},"
                        + "\"customers\":{\"starting\":%d,\"new\":%d,\"churned\":%d,\"ending\":%d},"
                        + "\"mrr\":{\"starting\":%d,\"new\":%d,\"expansion\":0,\"contraction\":0,\"churned\":%d,"
                        + "\"ending\":%d}}", month, market, starting, won, churned, ending, mrrStarting,
                won * perCustomer, churned * perCustomer, mrrEnding);
    }

    private void signIn(String name, String password) {
        browser.open("/login");
        browser.find("#username").sendKeys(name);
        browser.find("#password").sendKeys(password);
        browser.find("form.stack button[type=submit]").click();
    }

    private void signOut() {
        browser.find(".who button").click();
        browser.waitFor("location.pathname === '/login'", 10);
    }

    private void fill(String field, String value) {
        browser.find("[id='f-" + field + "']").sendKeys(value);
    }

    private void setRange(int line, String range) {
        WebElement input = browser.find("#range-" + line);
        input.clear();
        input.sendKeys(range);
    }

    private String lastRow() {
        List<WebElement> rows = browser.all("table.list tbody tr");
        return rows.get(rows.size() - 1).getText();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(request(path, cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        return http.send(request(path, cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String cookie) {
        return HttpRequest.newBuilder(URI.create(browser.base() + path)).header("Cookie", cookie);
    }
}
