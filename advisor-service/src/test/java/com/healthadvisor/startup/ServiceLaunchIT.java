package com.healthadvisor.startup;

import com.healthadvisor.TestFiles;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's first command after the build: the service from {@code target/service} with its class-data archive.
 * Runs after {@code package}, which builds both.
 */
class ServiceLaunchIT {

    private static final Path SERVICE = TestFiles.BUILD.resolve("service");

    @Test
    void startsFromTheArchiveAndDiagnoses(@TempDir Path temp) throws Exception {
        Path classLoads = temp.resolve("class-load.log");
        // -Xshare:on: a JVM that cannot map the archive refuses to start instead of starting without it.
        List<String> options = new ArrayList<>(List.of("-Xshare:on", "-Xlog:class+load:file=" + classLoads));
        options.addAll(ServiceProcess.readmeOptions(SERVICE.resolve(ClassDataArchive.ARCHIVE)));

        // A database of its own: the checkout's ./data may hold an admin already (its sign-in page then has no hint),
        // and a test has no business writing there.
        try (ServiceProcess service = ServiceProcess.start(SERVICE.resolve(ClassDataArchive.JAR), Path.of("rules"), options,
                Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + temp.resolve("db").resolve("advisor")))) {
            String result = service.diagnose(Files.readString(Path.of("fixtures", "seed-2-warning-signs.json")),
                    "application/json");

            // judgment.md: seed 2 is critical (RETENTION_FIRST gathers more than four red flags).
            assertThat(result).contains("\"health\":\"critical\"", "RETENTION_FIRST");
            // The workbench is served at the root: its pages start at the sign-in form.
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port
                    + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(root.statusCode()).isEqualTo(302);
            assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + service.port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.body()).contains("<h1>Sign in</h1>", "ADVISOR_INITIAL_ADMIN_PASSWORD");
            // A normal start says nothing an operator would have to look into; it uses the build's bean definitions.
            assertThat(service.log()).contains("Starting AOT-processed HealthAdvisorApplication")
                    .doesNotContain(" WARN ", " ERROR ", "SLF4J(W)")
                    .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z +INFO \\[main\\] ");
        }
        List<String> loads = Files.readAllLines(classLoads);
        assertThat(loads).anyMatch(line -> line.contains("org.springframework.boot.SpringApplication source: shared objects file"));
        assertThat(loads).anyMatch(line -> line.contains("org.drools.core.") && line.endsWith("source: shared objects file"));
        assertThat(loads).anyMatch(line -> line.contains("com.healthadvisor.HealthAdvisorApplication__BeanDefinitions "
                + "source: shared objects file"));
    }

    /**
     * An SMTP server named only when the service starts (SPRING_MAIL_HOST, SPRING_MAIL_PORT) is the one its e-mails
     * go to, though the jar's bean definitions were settled at build time without one: a company's alert arrives
     * at a real SMTP server (GreenMail, over a socket).
     */
    @Test
    void anSmtpServerNamedAtStartGetsTheAlerts(@TempDir Path temp) throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Map<String, String> environment = Map.of("SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()), "ADVISOR_NOTIFICATIONS_POLL", "100ms",
                "SPRING_DATASOURCE_URL", "jdbc:h2:file:" + temp.resolve("advisor"));
        try (ServiceProcess service = ServiceProcess.start(SERVICE.resolve(ClassDataArchive.JAR), Path.of("rules"),
                ServiceProcess.readmeOptions(SERVICE.resolve(ClassDataArchive.ARCHIVE)), environment)) {
            HttpResponse<String> subscribed = service.send("POST", "/api/v1/notifications/subscriptions",
                    "{\"name\":\"cfo\",\"channel\":\"email\",\"target\":\"cfo@acme.example\","
                            + "\"min_severity\":\"low\"}");
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            HttpResponse<String> stored = service.send("PUT", "/api/v1/companies/acme/snapshots/2024-06",
                    "{\"period\":\"2024-06\",\"customers\":{\"starting\":1000,\"new\":40,\"churned\":90,"
                            + "\"ending\":950},\"mrr\":{\"starting\":500000,\"new\":20000,\"expansion\":8000,"
                            + "\"contraction\":1000,\"churned\":45000,\"ending\":482000}}");
            assertThat(stored.statusCode()).as(stored.body()).isIn(200, 201);

            assertThat(smtp.waitForIncomingEmail(30_000, 1)).as(service.log()).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("cfo@acme.example");
            assertThat(mail.getSubject()).startsWith("acme, 2024-06:");
        } finally {
            smtp.stop();
        }
    }

    /** README's first command runs the launcher; the launcher carries the options measured here, and they map. */
    @Test
    void theLauncherStartsWithTheOptionsMeasuredHere() throws Exception {
        String launcher = Files.readString(Path.of("health-advisor"));
        Process version = new ProcessBuilder("./health-advisor", "--version").redirectErrorStream(true).start();
        ProcessBuilder strict = new ProcessBuilder("./health-advisor", "--version").redirectErrorStream(true);
        // -Xshare:on: a JVM that cannot map the archive refuses to start instead of starting without it.
        strict.environment().put("JAVA_OPTS", "-Xshare:on");
        Process mapped = strict.start();

        assertThat(launcher).contains("archive=\"$service/" + ClassDataArchive.ARCHIVE + "\"",
                "archive=\"$service/" + ClassDataArchive.CLI_ARCHIVE + "\"", "-XX:SharedArchiveFile=\"$archive\"",
                "-jar \"$service/" + ClassDataArchive.JAR + "\"");
        assertThat(launcher).contains(ServiceProcess.TUNING);
        assertThat(version.waitFor()).as(new String(version.getInputStream().readAllBytes())).isZero();
        String said = new String(mapped.getInputStream().readAllBytes());
        assertThat(mapped.waitFor()).as(said).isZero();
        // A command maps the commands' own archive, the smaller one.
        ProcessBuilder command = new ProcessBuilder("./health-advisor", "--version").redirectErrorStream(true);
        command.environment().put("JAVA_OPTS", "-Xshare:on -Xlog:cds=info");
        Process commandRun = command.start();
        String log = new String(commandRun.getInputStream().readAllBytes());
        assertThat(commandRun.waitFor()).as(log).isZero();
        assertThat(log).contains("Opened archive " + SERVICE.resolve(ClassDataArchive.CLI_ARCHIVE).toAbsolutePath());
    }

    /**
     * A build with -Dexec.skip keeps the archives of the build before: the launcher starts without them, and says so
     * on standard error (a copy of the launcher beside this build's jar and two archives dated before it).
     */
    @Test
    void aStaleArchiveIsLeftAloneAndSaid(@TempDir Path copy) throws Exception {
        Path service = Files.createDirectories(copy.resolve("advisor-service/target/service"));
        Files.copy(Path.of("health-advisor"), copy.resolve("health-advisor"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(copy.resolve("advisor-service/target").resolve(ClassDataArchive.JAR),
                TestFiles.BUILD.resolve(ClassDataArchive.JAR).toAbsolutePath());
        Files.writeString(service.resolve(ClassDataArchive.JAR), "");
        for (String archive : List.of(ClassDataArchive.ARCHIVE, ClassDataArchive.CLI_ARCHIVE)) {
            Files.setLastModifiedTime(Files.writeString(service.resolve(archive), ""),
                    FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        }

        Process stale = new ProcessBuilder("./health-advisor", "--version").directory(copy.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String said = new String(stale.getErrorStream().readAllBytes());
        assertThat(stale.waitFor()).as(said).isZero();
        assertThat(said).contains("the class-data archive is older than the jar", "package -DskipTests");

        // This build's own launcher says nothing of it when the build made its archives (a build with -Dexec.skip
        // has not).
        boolean built = Files.getLastModifiedTime(SERVICE.resolve(ClassDataArchive.CLI_ARCHIVE))
                .compareTo(Files.getLastModifiedTime(TestFiles.BUILD.resolve(ClassDataArchive.JAR))) > 0;
        Process fresh = new ProcessBuilder("./health-advisor", "--version")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String saidFresh = new String(fresh.getErrorStream().readAllBytes());
        assertThat(fresh.waitFor()).as(saidFresh).isZero();
        if (built) {
            assertThat(saidFresh).doesNotContain("class-data archive");
        }
    }

    /**
     * A snapshot's command lives a second and runs on the JIT's first tier; one that reads a billing export or a
     * ledger works longer and gets every tier and a young generation of 64 MB (the launcher says why).
     */
    @Test
    void longCommandsGetTheOptimizingTierAndShortOnesTheFirst() throws Exception {
        assertThat(flags("diagnose", "--help")).contains("TieredStopAtLevel=1").doesNotContain("MaxNewSize=67108864");
        assertThat(flags("import", "--help")).contains("TieredStopAtLevel=4", "MaxNewSize=67108864");
        assertThat(flags("snapshot", "--help")).contains("TieredStopAtLevel=4", "MaxNewSize=67108864");
        assertThat(flags("diagnose", "--ledger=x.csv", "--help")).contains("TieredStopAtLevel=4", "MaxNewSize=67108864");
    }

    /** The JVM's final flags for a command through the launcher, as name=value lines. */
    private static String flags(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("./health-advisor"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_OPTS", "-XX:+PrintFlagsFinal");
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(printed).isZero();
        return printed.lines().map(line -> line.trim().split("\\s+"))
                .filter(words -> words.length >= 4 && words[2].equals("="))
                .map(words -> words[1] + "=" + words[3]).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Spring Boot's own switch turns every log line into a JSON object, for a log shipper to read. */
    @Test
    void logsAreJsonLinesWhenStructuredLoggingIsAskedFor(@TempDir Path temp) throws Exception {
        Map<String, String> environment = Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
                "SPRING_DATASOURCE_URL", "jdbc:h2:file:" + temp.resolve("advisor"));
        try (ServiceProcess service = ServiceProcess.start(TestFiles.BUILD.resolve("health-advisor.jar"), Path.of("rules"),
                List.of(), environment)) {
            List<String> lines = service.log().lines().filter(line -> !line.isBlank()).toList();

            assertThat(lines).isNotEmpty().allSatisfy(line -> {
                JsonNode event = JsonMapper.builder().build().readTree(line);
                assertThat(event.has("@timestamp")).as(line).isTrue();
                assertThat(event.at("/log/level").asString()).as(line).isNotBlank();
            });
        }
    }
}
