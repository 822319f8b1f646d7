package com.healthadvisor.web;

import com.healthadvisor.access.ApiSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import static org.awaitility.Awaitility.await;

/**
 * The one full service the HTTP tests share: started once per test run (Spring caches the context, keyed by this
 * class's settings, so a subclass must not add settings of its own), on a copy of the default rules and the seed
 * fixtures, an embedded H2 file of its own, an admin token and three named editors. A test class that changes the
 * rules does not leave its changes to the next: each class starts on the default rules again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SharedService {

    public static final String TOKEN = "test-admin-token";
    public static final String[] ADMIN = {"Authorization", "Bearer " + TOKEN};
    static final String[] VIEWER = {"Authorization", "Bearer vera-viewer-token"};
    static final String[] ANALYST = {"Authorization", "Bearer alice-analyst-token"};
    static final String[] EDITOR_ADMIN = {"Authorization", "Bearer bob-admin-token"};
    static final Path RULES = Http.copyOf("rules", "[^.].*");
    static final Path FIXTURES = Http.copyOf("fixtures", "seed-.*");
    private static final Map<String, String> DEFAULT_RULES = filesOf(RULES);
    private static String defaultVersion;
    private static Class<?> lastClass;

    @DynamicPropertySource
    static void sharedServiceSettings(DynamicPropertyRegistry registry) throws IOException {
        // A subclass that starts a service of its own names its rules directory in advisor.test.rules, for the
        // reason below.
        registry.add("advisor.rules", () -> "${advisor.test.rules:" + RULES + "}");
        registry.add("advisor.fixtures", FIXTURES::toString);
        registry.add("advisor.admin-token", () -> TOKEN);
        registry.add("advisor.reload-debounce", () -> "100ms");
        // The operator has let admins change DRL over HTTP: these tests try the rule doors with code too.
        // HardeningTest's service keeps the default (off).
        registry.add("advisor.rules.network-drl", () -> "true");
        String[][] editors = {{"vera", "viewer"}, {"alice", "analyst"}, {"bob", "admin"}};
        for (int i = 0; i < editors.length; i++) {
            String[] editor = editors[i];
            registry.add("advisor.editors[" + i + "].name", () -> editor[0]);
            registry.add("advisor.editors[" + i + "].role", () -> editor[1]);
            registry.add("advisor.editors[" + i + "].token-sha256",
                    () -> ApiSecurity.sha256(editor[0] + "-" + editor[1] + "-token"));
        }
        // A subclass on another database names it in advisor.test.database-url: a second value for the same
        // property would race with this one (the superclass's is applied last).
        String h2 = Files.createTempDirectory("advisor-shared-h2").resolve("advisor").toString();
        registry.add("spring.datasource.url",
                () -> "${advisor.test.database-url:jdbc:h2:file:" + h2 + ";LOCK_TIMEOUT=60000}");
    }

    @Value("${local.server.port}")
    protected int port;

    protected Http http() {
        return new Http(port);
    }

    /** The first test of each class finds the default rules active, whatever the class before it changed. */
    @BeforeEach
    void startOnTheDefaultRules() throws Exception {
        synchronized (SharedService.class) {
            if (defaultVersion == null) {
                defaultVersion = activeVersion();
            }
            if (getClass() == lastClass) {
                return;
            }
            lastClass = getClass();
            if (!filesOf(RULES).equals(DEFAULT_RULES)) {
                writeDefaultRules();
            }
            await("the default rules come back").atMost(Duration.ofSeconds(30))
                    .until(this::activeVersion, defaultVersion::equals);
        }
    }

    private String activeVersion() {
        return http().get("/api/v1/rules").json().get("version").asString();
    }

    private static void writeDefaultRules() throws IOException {
        for (String name : filesOf(RULES).keySet()) {
            if (!DEFAULT_RULES.containsKey(name)) {
                Files.delete(RULES.resolve(name));
            }
        }
        for (Map.Entry<String, String> file : DEFAULT_RULES.entrySet()) {
            Files.writeString(RULES.resolve(file.getKey()), file.getValue());
        }
    }

    /** The rule files of a directory by name, without the service's own dot-files (versions, audit). */
    private static Map<String, String> filesOf(Path directory) {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".")) {
                    files.put(name, Files.readString(file));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
