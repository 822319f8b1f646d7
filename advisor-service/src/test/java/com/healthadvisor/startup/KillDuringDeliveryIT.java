package com.healthadvisor.startup;

import com.healthadvisor.TestFiles;
import com.healthadvisor.bench.LocalPostgres;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost, nothing sent twice but by a retry: 200 companies' periods are stored through the API, each queuing
 * one alert, while the service (a process of its own, on PostgreSQL) is killed twice (SIGKILL) as it delivers them
 * to a slow receiver. After the last restart, every message has arrived at least once; a message arriving twice
 * is one a killed sender had claimed and not yet marked sent, re-delivered under the same key (at most a claimed
 * batch per kill), and the outbox holds each message once, sent.
 */
class KillDuringDeliveryIT {

    private static final Path SERVICE = TestFiles.BUILD.resolve("service");
    private static final int PERIODS = 200;
    /** What one sender claims at a time: all a kill can leave delivered but not marked sent. */
    private static final int CLAIMED_AT_ONCE = 20;

    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    @Test
    void everyAlertArrivesAtLeastOnceThoughTheServiceIsKilledTwiceMidDelivery() throws Exception {
        HttpServer receiver = receiver();
        Map<String, String> database = Map.of("SPRING_DATASOURCE_URL", LocalPostgres.freshDatabase("kill_delivery"),
                "SPRING_DATASOURCE_USERNAME", "postgres", "ADVISOR_NOTIFICATIONS_POLL", "100ms", "ADVISOR_NOTIFICATIONS_CLAIM", "5s");
        ServiceProcess service = start(database);
        try {
            HttpResponse<String> subscribed = service.send("POST", "/api/v1/notifications/subscriptions",
                    "{\"name\":\"kill test\",\"channel\":\"webhook\",\"target\":\"http://127.0.0.1:"
                            + receiver.getAddress().getPort() + "/hook\",\"min_severity\":\"low\"}");
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            int kills = 0;
            for (int i = 0; i < PERIODS; i++) {
                String company = String.format(Locale.ROOT, "k-%03d", i);
                while (!stored(service, company)) {
                    // The service was killed under this request: it is stored, or not, and stored again is the same.
                    service.close();
                    service = start(database);
                }
                if (i == 70 || i == 140) {
                    awaitDelivering();
                    service.kill();
                    service.close();
                    kills++;
                    service = start(database);
                }
            }
            assertThat(kills).isEqualTo(2);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (received.size() < PERIODS && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            int deliveries = received.values().stream().mapToInt(AtomicInteger::get).sum();
            long twice = received.values().stream().filter(count -> count.get() > 1).count();
            System.out.printf("%d alerts, %d deliveries, %d keys delivered more than once, after %d kills%n",
                    received.size(), deliveries, twice, kills);
            assertThat(received).hasSize(PERIODS);
            assertThat(received.values()).allSatisfy(count -> assertThat(count.get()).isLessThanOrEqualTo(2));
            assertThat(twice).isLessThanOrEqualTo((long) kills * CLAIMED_AT_ONCE);

            JsonNode sent = JsonMapper.builder().build().readTree(service.send("GET",
                    "/api/v1/notifications/outbox?state=sent&limit=1000", null).body());
            assertThat(sent.size()).isEqualTo(PERIODS);
            assertThat(sent.findValuesAsString("idempotency_key")).doesNotHaveDuplicates();
        } finally {
            service.close();
            receiver.stop(0);
        }
    }

    /** A receiver that takes 30 ms to answer, so that a kill finds deliveries under way. */
    private HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.computeIfAbsent(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    key -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    private void awaitDelivering() throws InterruptedException {
        int before = received.size();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (received.size() == before && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
    }

    /** One month of a company whose customers churn 9%: its first period, whose findings are all new. */
    private boolean stored(ServiceProcess service, String company) {
        String document = "{\"period\":\"2024-06\",\"customers\":{\"starting\":1000,\"new\":40,\"churned\":90,"
                + "\"ending\":950},\"mrr\":{\"starting\":500000,\"new\":20000,\"expansion\":8000,\"contraction\":1000,"
                + "\"churned\":45000,\"ending\":482000}}";
        try {
            HttpResponse<String> answer = service.send("PUT", "/api/v1/companies/" + company + "/snapshots/2024-06",
                    document);
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ServiceProcess start(Map<String, String> environment) throws Exception {
        return ServiceProcess.start(SERVICE.resolve(ClassDataArchive.JAR), Path.of("rules"), List.of(), environment);
    }
}
