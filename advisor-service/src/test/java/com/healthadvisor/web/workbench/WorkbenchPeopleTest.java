package com.healthadvisor.web.workbench;

import com.healthadvisor.HealthAdvisorApplication;
import com.healthadvisor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People managed in the product, over HTTP as a browser sends the forms: the initial admin adds an analyst, who
 * changes her password; the admin changes her role and disables her, and her open session follows at once; the
 * service restarts without ADVISOR_INITIAL_ADMIN_PASSWORD and everyone, with every change, is still there.
 */
class WorkbenchPeopleTest {

    static final String ADMIN_PASSWORD = "initial-admin-people-test";
    static final String ANA_FIRST = "ana-first-password";
    static final String ANA_OWN = "ana-own-password-2";

    @Test
    void anAdminManagesPeopleAndEverythingOutlivesARestart(@TempDir Path root) throws Exception {
        String database = "jdbc:h2:file:" + root.resolve("db/advisor") + ";LOCK_TIMEOUT=60000";
        Path rules = TestFiles.copy(Path.of("rules"), root.resolve("rules"), "[^.].*");
        Path fixtures = TestFiles.copy(Path.of("fixtures"), root.resolve("fixtures"), "seed-.*");
        Visitor ana;
        try (ConfigurableApplicationContext first = start(database, rules, fixtures, ADMIN_PASSWORD)) {
            int port = portOf(first);
            Visitor admin = new Visitor(port);
            assertThat(admin.signIn("admin", ADMIN_PASSWORD)).isEqualTo("/");
            assertThat(admin.get("/users").body()).contains("id=\"user-admin\"").contains("Add a user");

            // A short first password is refused on the page, nothing added.
            HttpResponse<String> refused = admin.post("/users", "name", "ana", "role", "analyst", "password", "short");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("A password needs at least 12 characters.");
            assertThat(refused.body()).doesNotContain("id=\"user-ana\"");
            // Without the form's CSRF token, nothing at all.
            assertThat(admin.postWithoutToken("/users", "name=eve&role=admin&password=eve-long-password").statusCode())
                    .isEqualTo(403);

            assertThat(admin.post("/users", "name", "ana", "role", "analyst", "password", ANA_FIRST).statusCode())
                    .isEqualTo(302);
            assertThat(admin.get("/users").body()).contains("Added ana as analyst.").contains("id=\"user-ana\"");

            ana = new Visitor(port);
            assertThat(ana.signIn("ana", ANA_FIRST)).isEqualTo("/");
            assertThat(ana.get("/users").statusCode()).isEqualTo(403);
            assertThat(ana.get("/account").body()).contains("Change your password");
            assertThat(ana.post("/account/password", "current", "not-her-password", "password", ANA_OWN, "repeat",
                    ANA_OWN).body()).contains("The current password is not right");
            assertThat(ana.post("/account/password", "current", ANA_FIRST, "password", ANA_OWN, "repeat",
                    ANA_OWN + "x").body()).contains("differ");
            assertThat(ana.post("/account/password", "current", ANA_FIRST, "password", ANA_OWN, "repeat", ANA_OWN)
                    .statusCode()).isEqualTo(302);
            assertThat(ana.get("/account").body()).contains("Your password is changed.");

            // A role taken away counts from her next request, in the session she has.
            assertThat(ana.get("/rules/audit").statusCode()).isEqualTo(200);
            admin.post("/users/ana", "change", "role", "role", "viewer");
            assertThat(ana.get("/rules/audit").statusCode()).isEqualTo(403);
            assertThat(ana.get("/").body()).contains("<span>viewer</span>");

            // Disabled: her session ends at her next request, and her password no longer signs her in.
            admin.post("/users/ana", "change", "disable");
            HttpResponse<String> ended = ana.get("/");
            assertThat(ended.statusCode()).isEqualTo(302);
            assertThat(ended.headers().firstValue("Location")).hasValue("/login?disabled");
            assertThat(ana.get("/login?disabled").body()).contains("an admin has disabled this account");
            assertThat(new Visitor(port).signIn("ana", ANA_OWN)).isEqualTo("/login?error");

            // The last admin stays.
            HttpResponse<String> yourself = admin.post("/users/admin", "change", "disable");
            assertThat(yourself.statusCode()).isEqualTo(400);
            assertThat(yourself.body()).contains("You cannot disable yourself");
            assertThat(admin.post("/users/admin", "change", "role", "role", "analyst").body())
                    .contains("nobody else could manage users");

            String changes = admin.get("/users").body();
            assertThat(changes).containsSubsequence("disabled", "role", "own password", "added", "added");
            assertThat(changes).doesNotContain(ANA_OWN).doesNotContain(ANA_FIRST);
        }

        // Restarted without the variable: the admin and every change are kept.
        try (ConfigurableApplicationContext second = start(database, rules, fixtures, null)) {
            int port = portOf(second);
            Visitor admin = new Visitor(port);
            assertThat(admin.get("/login").body()).doesNotContain("Nobody can sign in yet");
            assertThat(admin.signIn("admin", ADMIN_PASSWORD)).isEqualTo("/");
            assertThat(new Visitor(port).signIn("ana", ANA_OWN)).isEqualTo("/login?error");
            admin.post("/users/ana", "change", "enable");
            Visitor back = new Visitor(port);
            assertThat(back.signIn("ana", ANA_OWN)).isEqualTo("/");
            assertThat(back.get("/").body()).contains("<span>viewer</span>");
            assertThat(admin.get("/users").body()).contains("enabled").contains("analyst → viewer");
        }
    }

    /**
     * Two people open the same rule file in the editor; the first saves through the preview; the second's save,
     * made on the copy opened before, would undo the first's: it is refused with a page saying so.
     */
    @Test
    void anEditorSavedAfterSomeoneElseChangedTheFileIsRefused(@TempDir Path root) throws Exception {
        String database = "jdbc:h2:file:" + root.resolve("db/advisor") + ";LOCK_TIMEOUT=60000";
        Path rules = TestFiles.copy(Path.of("rules"), root.resolve("rules"), "[^.].*");
        Path fixtures = TestFiles.copy(Path.of("fixtures"), root.resolve("fixtures"), "seed-.*");
        try (ConfigurableApplicationContext service = start(database, rules, fixtures, ADMIN_PASSWORD)) {
            Visitor first = new Visitor(portOf(service));
            Visitor second = new Visitor(portOf(service));
            first.signIn("admin", ADMIN_PASSWORD);
            second.signIn("admin", ADMIN_PASSWORD);
            String opened = second.get("/rules/files/limits.csv").body();
            String version = field(opened, "version");
            String text = java.nio.file.Files.readString(rules.resolve("limits.csv"));

            HttpResponse<String> previewed = first.post("/rules/files/limits.csv", "content",
                    text + "# the first person's note\n", "version", field(first.get("/rules/files/limits.csv").body(),
                            "version"));
            String preview = previewed.headers().firstValue("Location").orElseThrow();
            assertThat(preview).startsWith("/rules/previews/");
            assertThat(first.post(preview + "/apply").statusCode()).isEqualTo(302);

            HttpResponse<String> stale = second.post("/rules/files/limits.csv", "content",
                    text + "# the second person's note\n", "version", version);
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.body()).contains("Changed since you opened it", "Open it again");
            assertThat(java.nio.file.Files.readString(rules.resolve("limits.csv"))).contains("first person")
                    .doesNotContain("second person");
        }
    }

    /** The value of a page's hidden input. */
    private static String field(String page, String name) {
        Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(value.find()).as("a %s field", name).isTrue();
        return value.group(1).replace("&quot;", "\"");
    }

    @Test
    void withNobodyTheSignInPageSaysHowToAddTheFirstAdmin(@TempDir Path root) throws Exception {
        String database = "jdbc:h2:file:" + root.resolve("db/advisor") + ";LOCK_TIMEOUT=60000";
        Path rules = TestFiles.copy(Path.of("rules"), root.resolve("rules"), "[^.].*");
        try (ConfigurableApplicationContext service = start(database, rules, root.resolve("none"), null)) {
            assertThat(new Visitor(portOf(service)).get("/login").body()).contains("Nobody can sign in yet")
                    .contains("ADVISOR_INITIAL_ADMIN_PASSWORD");
        }
    }

    private static ConfigurableApplicationContext start(String database, Path rules, Path fixtures,
                                                        String adminPassword) {
        var arguments = new java.util.ArrayList<>(java.util.List.of("--server.port=0", "--advisor.watch=false",
                "--spring.datasource.url=" + database, "--advisor.rules=" + rules, "--advisor.fixtures=" + fixtures,
                // The JDK's cookie jar keeps Secure cookies for https only; a browser treats localhost as secure.
                "--server.servlet.session.cookie.secure=false"));
        if (adminPassword != null) {
            arguments.add("--advisor.initial-admin-password=" + adminPassword);
        }
        return new SpringApplicationBuilder(HealthAdvisorApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
