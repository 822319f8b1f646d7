package com.healthadvisor.startup;

import com.healthadvisor.TestFiles;
import com.healthadvisor.bench.LocalPostgres;
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
 * replica whose fixtures refuse a change keeps serving what it had and says that it disagrees.
 */
class SharedRulesIT {

    private static final Path JAR = TestFiles.BUILD.resolve("service").resolve(ClassDataArchive.JAR);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void replicasServeTheChangeOfAnyOfThemAndCatchUpAfterACrash(@TempDir Path temp) throws Exception {
        Map<String, String> database = database("shared_rules_follow");
        Path rulesA = TestFiles.copy(Path.of("rules"), temp.resolve("a/rules"), ".*");
        Path rulesB = TestFiles.copy(Path.of("rules"), temp.resolve("b/rules"), ".*");
        ServiceProcess a = ServiceProcess.start(JAR, rulesA, List.of(), database);
        ServiceProcess b = ServiceProcess.start(JAR, rulesB, List.of(), database);
        try {
            String started = version(a);
            assertThat(version(b)).isEqualTo(started);
            assertThat(rules(b).at("/shared/agrees").asBoolean()).isTrue();

            String benchmarks = Files.readString(rulesA.resolve("benchmarks.csv"));
            long changedAt = System.nanoTime();
            HttpResponse<String> put = put(a, "benchmarks.csv", sevenPercentCrisis(benchmarks));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            String changed = JSON.readTree(put.body()).get("version").asString();
            long seenAfter = awaitVersion(b, changed, Duration.ofSeconds(2), changedAt);
            System.out.printf("shared rules: replica B served A's change %d ms after A answered the PUT%n",
                    seenAfter);
            assertThat(diagnosedVersion(b)).isEqualTo(changed);
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

    @Test
    void aReplicaThatCannotVetAChangeKeepsItsRulesAndSaysSo(@TempDir Path temp) throws Exception {
        Map<String, String> database = database("shared_rules_disagree");
        Path rulesA = TestFiles.copy(Path.of("rules"), temp.resolve("a/rules"), ".*");
        Path rulesB = TestFiles.copy(Path.of("rules"), temp.resolve("b/rules"), ".*");
        // Only B has fixtures: its seeds guard a limit that A, with none, lets through.
        TestFiles.copy(Path.of("fixtures"), temp.resolve("b/fixtures"), "seed-.*");
        ServiceProcess a = ServiceProcess.start(JAR, rulesA, List.of(), database);
        ServiceProcess b = ServiceProcess.start(JAR, rulesB, List.of(), database);
        try {
            String before = version(b);
            String limits = Files.readString(rulesA.resolve("limits.csv"));
            HttpResponse<String> put = put(a, "limits.csv",
                    limits.replace("retention_first_min_flags,2,", "retention_first_min_flags,9,"));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            String changed = JSON.readTree(put.body()).get("version").asString();

            JsonNode shared = awaitDisagreement(b);
            assertThat(shared.get("newest_version").asString()).isEqualTo(changed);
            assertThat(shared.get("errors").toString()).contains("seed-2-warning-signs");
            assertThat(version(b)).isEqualTo(before);
            assertThat(diagnosedVersion(b)).isEqualTo(before);
            JsonNode health = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base(b) + "/actuator/health"))
                    .header("Authorization", "Bearer " + ServiceProcess.TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(health.at("/components/rules/details/shared_rules").toString()).contains("\"agrees\":false");
        } finally {
            a.close();
            b.close();
        }
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
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base(replica) + "/api/v1/rules/files/" + file))
                    .header("Authorization", "Bearer " + ServiceProcess.TOKEN)
                    .PUT(HttpRequest.BodyPublishers.ofString(content)).build(), HttpResponse.BodyHandlers.ofString());
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
