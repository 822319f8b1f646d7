package com.healthadvisor.startup;

import com.healthadvisor.TestFiles;
import com.healthadvisor.bench.LocalPostgres;
import com.healthadvisor.web.workbench.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas of the service share one rule set through PostgreSQL, as processes behind a load balancer would: each
 * with its own rules directory (its own disk), one database. A change through one is served by the other within
 * 2 s; a replica killed during a change, or down while others change the rules, catches up when it starts; a
 * copy read before another replica's change is not written back over it (412); a replica whose fixtures refuse a
 * change keeps serving what it had, leaves readiness and says why on every replica; PostgreSQL stopped for ten
 * seconds under load stops no diagnosis.
 */
class SharedRulesIT {

    private static final Path JAR = TestFiles.BUILD.resolve("service").resolve(ClassDataArchive.JAR);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN_PASSWORD = "replica-admin-password";

    @Test
    void replicasServeTheChangeOfAnyOfThemAndCatchUpAfterACrash(@TempDir Path temp) throws Exception {
        // A poll longer than the test: a replica that follows at all was told by PostgreSQL's notification.
        Map<String, String> database = new java.util.HashMap<>(database("shared_rules_follow"));
        database.put("ADVISOR_SHARED_RULES_POLL", "10m");
        Path rulesA = TestFiles.copy(Path.of("rules"), temp.resolve("a/rules"), ".*");
        Path rulesB = TestFiles.copy(Path.of("rules"), temp.resolve("b/rules"), ".*");
        ServiceProcess a = ServiceProcess.start(JAR, rulesA, List.of(), database);
        ServiceProcess b = ServiceProcess.start(JAR, rulesB, List.of(), database);
        try {
            String started = version(a);
            assertThat(version(b)).isEqualTo(started);
            assertThat(rules(b).at("/shared/agrees").asBoolean()).isTrue();

            String benchmarks = Files.readString(rulesA.resolve("benchmarks.csv"));
            String readOnB = send(file(b, "benchmarks.csv").GET()).headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> put = put(a, "benchmarks.csv", sevenPercentCrisis(benchmarks));
            long changedAt = System.nanoTime();
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            String changed = JSON.readTree(put.body()).get("version").asString();
            // B vets the change as A did (its checks and every fixture) before it serves it: seconds, not the poll.
            long seenAfter = awaitVersion(b, changed, Duration.ofSeconds(10), changedAt);
            System.out.printf("shared rules: replica B served A's change %d ms after A answered the PUT%n",
                    seenAfter);
            assertThat(diagnosedVersion(b)).isEqualTo(changed);
            assertThat(Files.readString(rulesB.resolve("benchmarks.csv"))).contains("crisis,> 7%");
            HttpResponse<String> stale = send(file(b, "benchmarks.csv").header("If-Match", readOnB)
                    .PUT(HttpRequest.BodyPublishers.ofString(benchmarks + "# read before A's change\n")));
            assertThat(stale.statusCode()).as("a PUT on B of a copy read before A's change").isEqualTo(412);
            assertThat(Files.readString(rulesB.resolve("benchmarks.csv"))).contains("crisis,> 7%");

            b.kill();
            HttpResponse<String> back = put(a, "benchmarks.csv", benchmarks);
            assertThat(back.statusCode()).isEqualTo(200);
            b.close();
            b = ServiceProcess.start(JAR, rulesB, List.of(), database);
            assertThat(version(b)).as("a replica down during a change has it once it answers").isEqualTo(started);

            ServiceProcess changing = a;
            CompletableFuture<HttpResponse<String>> interrupted = CompletableFuture.supplyAsync(() ->
                    put(changing, "benchmarks.csv", sevenPercentCrisis(benchmarks)));
            Thread.sleep(40);
            a.kill();
            interrupted.handle((response, failure) -> null).join();
            a.close();
            String shared = JSON.readTree(rules(b).toString()).at("/shared/newest_version").asString();
            awaitVersion(b, shared, Duration.ofSeconds(10), System.nanoTime());
            a = ServiceProcess.start(JAR, rulesA, List.of(), database);
            assertThat(version(a)).as("a replica killed during its own change starts on the shared version")
                    .isEqualTo(version(b));
        } finally {
            a.close();
            b.close();
        }
    }

    /**
     * A replica whose own fixtures refuse the fleet's newest version keeps its rules, leaves readiness (it would
     * answer differently), and says why where everyone looks: its health and rules, the other replica's rules and
     * workbench. A change made on it is refused with that reason; a later version it accepts brings it back.
     */
    @Test
    void aReplicaThatRefusesTheNewestLeavesReadinessSaysWhyEverywhereAndComesBack(@TempDir Path temp)
            throws Exception {
        Map<String, String> database = database("shared_rules_disagree");
        Path rulesA = TestFiles.copy(Path.of("rules"), temp.resolve("a/rules"), ".*");
        Path rulesB = TestFiles.copy(Path.of("rules"), temp.resolve("b/rules"), ".*");
        // Only B has fixtures: its seeds guard a limit that A, with none, lets through.
        TestFiles.copy(Path.of("fixtures"), temp.resolve("b/fixtures"), "seed-.*");
        ServiceProcess a = ServiceProcess.start(JAR, rulesA, List.of(), named("a", database, Map.of(
                "ADVISOR_INITIAL_ADMIN_PASSWORD", ADMIN_PASSWORD, "SERVER_SERVLET_SESSION_COOKIE_SECURE", "false")));
        ServiceProcess b = ServiceProcess.start(JAR, rulesB, List.of(), named("b", database, Map.of()));
        try {
            String before = version(b);
            String limits = Files.readString(rulesA.resolve("limits.csv"));
            HttpResponse<String> put = put(a, "limits.csv",
                    limits.replace("retention_first_min_flags,2,", "retention_first_min_flags,9,"));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            String changed = JSON.readTree(put.body()).get("version").asString();
            long refused = rules(a).at("/shared/newest").asLong();
            long changedAt = System.nanoTime();

            JsonNode shared = awaitDisagreement(b);
            assertThat(shared.get("newest_version").asString()).isEqualTo(changed);
            assertThat(shared.get("newest").asLong()).isEqualTo(refused);
            assertThat(shared.get("errors").toString()).contains("seed-2-warning-signs");
            assertThat(version(b)).isEqualTo(before);
            assertThat(diagnosedVersion(b)).isEqualTo(before);
            assertThat(status(b, "/actuator/health/readiness")).as("B out of readiness").isEqualTo(503);
            assertThat(status(b, "/actuator/health/liveness")).as("B's process works").isEqualTo(200);
            JsonNode health = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base(b) + "/actuator/health"))
                    .header("Authorization", "Bearer " + ServiceProcess.TOKEN).GET()).body());
            assertThat(health.at("/components/rules/status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(health.at("/components/rules/details/reason").asString())
                    .contains("refuses shared version " + refused);
            assertThat(status(a, "/actuator/health/readiness")).as("A runs the newest").isEqualTo(200);

            JsonNode onA = awaitRefusalSeenBy(a);
            long seenAfter = millisSince(changedAt);
            assertThat(onA.at("/replica").asString()).isEqualTo("b");
            assertThat(onA.at("/version").asLong()).isEqualTo(refused);
            assertThat(onA.at("/text").asString()).startsWith("replica b refuses version " + refused + ": ")
                    .contains("seed-2-warning-signs.expected.json");
            assertThat(rules(a).at("/shared/agrees").asBoolean()).isTrue();
            Visitor admin = new Visitor(a.port);
            assertThat(admin.signIn("admin", ADMIN_PASSWORD)).isEqualTo("/");
            assertThat(admin.get("/rules").body()).contains("Replica b refuses version " + refused)
                    .contains("seed-2-warning-signs.expected.json");

            HttpResponse<String> onB = put(b, "benchmarks.csv", Files.readString(rulesB.resolve("benchmarks.csv"))
                    + "# a change made on the refusing replica\n");
            assertThat(onB.statusCode()).isEqualTo(409);
            assertThat(onB.body()).contains("replica b refuses shared version " + refused)
                    .contains("seed-2-warning-signs").doesNotContain("try the change again");

            HttpResponse<String> back = put(a, "limits.csv", limits);
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
            long backAfter = awaitVersion(b, JSON.readTree(back.body()).get("version").asString(),
                    Duration.ofSeconds(10), System.nanoTime());
            assertThat(rules(b).at("/shared/agrees").asBoolean()).isTrue();
            assertThat(status(b, "/actuator/health/readiness")).as("B back in readiness").isEqualTo(200);
            long since = System.nanoTime();
            while (!rules(a).at("/shared/refusals").isEmpty()) {
                assertThat(Duration.ofNanos(System.nanoTime() - since)).as("A still shows B's refusal")
                        .isLessThan(Duration.ofSeconds(10));
                Thread.sleep(50);
            }
            assertThat(admin.get("/rules").body()).doesNotContain("refuses version");
            System.out.printf("refusing replica: A showed B's refusal %d ms after A answered its PUT; B adopted the "
                    + "next version %d ms after A answered, and A stopped showing the refusal %d ms after that%n",
                    seenAfter, backAfter, millisSince(since));
        } finally {
            a.close();
            b.close();
        }
    }

    /**
     * PostgreSQL itself stopped for ten seconds under a bounded load of diagnoses on both replicas: every diagnosis
     * is answered, readiness and liveness stay up, a rule change is refused with a 503 within five seconds; when the
     * database is back, a change made on one replica is served by the other within five seconds.
     */
    @Test
    void diagnosesAndReadinessGoOnWhilePostgresIsStoppedAndFollowingResumesAfter(@TempDir Path temp)
            throws Exception {
        LocalPostgres server = LocalPostgres.ownServer();
        Map<String, String> database = Map.of("SPRING_DATASOURCE_URL", server.freshDatabaseHere("shared_outage"),
                "SPRING_DATASOURCE_USERNAME", "postgres", "ADVISOR_SHARED_RULES", "true");
        Path rulesA = TestFiles.copy(Path.of("rules"), temp.resolve("a/rules"), ".*");
        Path rulesB = TestFiles.copy(Path.of("rules"), temp.resolve("b/rules"), ".*");
        ServiceProcess a = ServiceProcess.start(JAR, rulesA, List.of(), named("a", database, Map.of()));
        ServiceProcess b = ServiceProcess.start(JAR, rulesB, List.of(), named("b", database, Map.of()));
        String benchmarks = Files.readString(rulesA.resolve("benchmarks.csv"));
        try (Load load = new Load(List.of(a, b))) {
            Thread.sleep(1_000);
            server.stop();
            long stoppedAt = System.nanoTime();
            HttpResponse<String> during = put(a, "benchmarks.csv", sevenPercentCrisis(benchmarks));
            long refusedAfter = millisSince(stoppedAt);
            assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
            assertThat(refusedAfter).as("a change during the outage answered within 5 s").isLessThan(5_000);
            Thread.sleep(Math.max(0, 10_000 - millisSince(stoppedAt)));
            assertThat(status(a, "/actuator/health/readiness")).isEqualTo(200);
            assertThat(status(b, "/actuator/health/readiness")).isEqualTo(200);

            server.start();
            long startedAt = System.nanoTime();
            System.out.println("database outage: PostgreSQL started again at " + java.time.Instant.now());
            HttpResponse<String> after = put(a, "benchmarks.csv", sevenPercentCrisis(benchmarks));
            while (after.statusCode() == 503 && millisSince(startedAt) < 10_000) {
                Thread.sleep(100);
                after = put(a, "benchmarks.csv", sevenPercentCrisis(benchmarks));
            }
            long changedAfter = millisSince(startedAt);
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            System.out.printf("database outage: after PostgreSQL started again, a change applied on A %d ms later%n",
                    changedAfter);
            long followedAfter = awaitVersion(b, JSON.readTree(after.body()).get("version").asString(),
                    Duration.ofSeconds(5), startedAt);
            Load.Result result = load.finish();
            System.out.printf("database outage: %d diagnoses during the run, %d not answered 200 (slowest %d ms); "
                            + "readiness and liveness polled %d times, %d not 200 (slowest %d ms); a rule change "
                            + "refused with 503 %d ms after PostgreSQL stopped; after it started again, a change "
                            + "applied on A %d ms later, served by B %d ms after the start%n",
                    result.diagnoses(), result.failedDiagnoses(), result.slowestDiagnosisMillis(), result.probes(),
                    result.failedProbes(), result.slowestProbeMillis(), refusedAfter, changedAfter, followedAfter);
            assertThat(result.failedDiagnoses()).as(result.failures().toString()).isZero();
            assertThat(result.failedProbes()).as(result.failures().toString()).isZero();
            assertThat(result.diagnoses()).isGreaterThan(20);
        } catch (AssertionError e) {
            System.out.println("replica A's log:\n" + a.log() + "\nreplica B's log:\n" + b.log());
            throw e;
        } finally {
            a.close();
            b.close();
            server.stopIfRunning();
        }
    }

    /**
     * A bounded load, as a load balancer's traffic and its health checks make it: two threads diagnosing seed 2 on
     * the replicas in turn, 20 ms apart, and one probing each replica's readiness and liveness every 200 ms.
     */
    private static final class Load implements AutoCloseable {

        record Result(int diagnoses, int failedDiagnoses, long slowestDiagnosisMillis, int probes, int failedProbes,
                      long slowestProbeMillis, List<String> failures) {
        }

        private final List<ServiceProcess> replicas;
        private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors
                .newFixedThreadPool(3);
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic
                .AtomicBoolean(true);
        private final java.util.concurrent.atomic.AtomicInteger diagnoses = new java.util.concurrent.atomic
                .AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic
                .AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong slowestDiagnosis = new java.util.concurrent.atomic
                .AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong slowestProbe = new java.util.concurrent.atomic
                .AtomicLong();
        private final List<String> diagnosisFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<String> probeFailures = new java.util.concurrent.CopyOnWriteArrayList<>();

        Load(List<ServiceProcess> replicas) throws IOException {
            this.replicas = replicas;
            String snapshot = Files.readString(Path.of("fixtures/seed-2-warning-signs.json"));
            for (int thread = 0; thread < 2; thread++) {
                int first = thread;
                threads.submit(() -> diagnose(snapshot, first));
            }
            threads.submit(this::probe);
        }

        private void diagnose(String snapshot, int first) {
            for (int i = first; running.get(); i++) {
                ServiceProcess replica = replicas.get(i % replicas.size());
                long started = System.nanoTime();
                try {
                    replica.diagnose(snapshot, "application/json");
                } catch (Exception e) {
                    diagnosisFailures.add(replica.port + ": " + e.getMessage());
                }
                slowestDiagnosis.accumulateAndGet(millisSince(started), Math::max);
                diagnoses.incrementAndGet();
                pause(20);
            }
        }

        private void probe() {
            while (running.get()) {
                for (ServiceProcess replica : replicas) {
                    for (String path : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
                        long started = System.nanoTime();
                        int status;
                        try {
                            status = status(replica, path);
                        } catch (Exception e) {
                            status = -1;
                        }
                        slowestProbe.accumulateAndGet(millisSince(started), Math::max);
                        probes.incrementAndGet();
                        if (status != 200) {
                            probeFailures.add(replica.port + path + ": " + status);
                        }
                    }
                }
                pause(200);
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Result finish() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            List<String> failures = new java.util.ArrayList<>(diagnosisFailures);
            failures.addAll(probeFailures);
            return new Result(diagnoses.get(), diagnosisFailures.size(), slowestDiagnosis.get(), probes.get(),
                    probeFailures.size(), slowestProbe.get(), failures);
        }

        @Override
        public void close() {
            running.set(false);
            threads.shutdownNow();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** The first refusal another replica shows in its rules, within 10 s. */
    private static JsonNode awaitRefusalSeenBy(ServiceProcess replica) throws Exception {
        long since = System.nanoTime();
        while (true) {
            JsonNode refusals = rules(replica).at("/shared/refusals");
            if (!refusals.isEmpty()) {
                return refusals.get(0);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - since)).as("replica on " + replica.port
                    + " shows no refusal").isLessThan(Duration.ofSeconds(10));
            Thread.sleep(20);
        }
    }

    private static Map<String, String> named(String name, Map<String, String> database, Map<String, String> more) {
        Map<String, String> environment = new java.util.HashMap<>(database);
        environment.put("ADVISOR_REPLICA_NAME", name);
        environment.putAll(more);
        return environment;
    }

    private static int status(ServiceProcess replica, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base(replica) + path)).GET()).statusCode();
    }

    private static Map<String, String> database(String name) {
        return Map.of("SPRING_DATASOURCE_URL", LocalPostgres.freshDatabase(name),
                "SPRING_DATASOURCE_USERNAME", "postgres", "ADVISOR_SHARED_RULES", "true");
    }

    static String sevenPercentCrisis(String benchmarks) {
        return benchmarks.replace("logo_churn_rate_monthly,crisis,> 5%,", "logo_churn_rate_monthly,crisis,> 7%,")
                .replace("logo_churn_rate_monthly,acceptable,2% to 5%,", "logo_churn_rate_monthly,acceptable,2% to 7%,");
    }

    /** Milliseconds from {@code since} until the replica serves {@code version}; fails after {@code within}. */
    private static long awaitVersion(ServiceProcess replica, String version, Duration within, long since)
            throws Exception {
        while (!version(replica).equals(version)) {
            assertThat(Duration.ofNanos(System.nanoTime() - since)).as("replica on " + replica.port
                    + " still serves " + version(replica) + ", not " + version).isLessThan(within);
            Thread.sleep(10);
        }
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static JsonNode awaitDisagreement(ServiceProcess replica) throws Exception {
        long since = System.nanoTime();
        while (true) {
            JsonNode shared = rules(replica).get("shared");
            if (!shared.get("agrees").asBoolean()) {
                return shared;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - since)).isLessThan(Duration.ofSeconds(10));
            Thread.sleep(20);
        }
    }

    private static String version(ServiceProcess replica) throws Exception {
        return rules(replica).get("version").asString();
    }

    private static JsonNode rules(ServiceProcess replica) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base(replica) + "/api/v1/rules")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String diagnosedVersion(ServiceProcess replica) throws Exception {
        String snapshot = Files.readString(Path.of("fixtures/seed-2-warning-signs.json"));
        return JSON.readTree(replica.diagnose(snapshot, "application/json")).at("/rule_set/version").asString();
    }

    private static HttpResponse<String> put(ServiceProcess replica, String file, String content) {
        return send(file(replica, file).PUT(HttpRequest.BodyPublishers.ofString(content)));
    }

    /** A request for a rule file, as the admin. */
    private static HttpRequest.Builder file(ServiceProcess replica, String file) {
        return HttpRequest.newBuilder(URI.create(base(replica) + "/api/v1/rules/files/" + file))
                .header("Authorization", "Bearer " + ServiceProcess.TOKEN);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String base(ServiceProcess replica) {
        return "http://127.0.0.1:" + replica.port;
    }

}
