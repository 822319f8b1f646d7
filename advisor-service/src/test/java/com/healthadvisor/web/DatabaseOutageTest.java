package com.healthadvisor.web;

import com.healthadvisor.bench.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database that stops answering, as a network partition makes it: the service reaches PostgreSQL through a proxy
 * that, for ten seconds, forwards nothing (connections open, no bytes through: the hang a firewall or a dead host
 * gives). Diagnoses go on, health, liveness and readiness answer at once and stay UP (the database part DEGRADED),
 * storing and reading the company memory is refused with a 503 within seconds; when the database answers again,
 * storing resumes within seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageTest {

    static final String TOKEN = "outage-admin-token";
    static final String[] ADMIN = {"Authorization", "Bearer " + TOKEN};
    static final Partition PARTITION = new Partition();
    static final String SNAPSHOT = "{\"period\":\"%s\",\"mrr\":{\"starting\":1000,\"new\":100,\"ending\":1100}}";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        String direct = LocalPostgres.freshDatabase("database_outage");
        Matcher hostAndPort = Pattern.compile("//([^/]+)/").matcher(direct);
        assertThat(hostAndPort.find()).isTrue();
        String[] upstream = hostAndPort.group(1).split(":");
        PARTITION.start(upstream[0], Integer.parseInt(upstream[1]));
        String proxied = direct.replace("//" + hostAndPort.group(1) + "/", "//127.0.0.1:" + PARTITION.port() + "/");
        registry.add("spring.datasource.url", () -> proxied);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("advisor.rules", () -> Http.copyOf("rules", "[^.].*").toString());
        registry.add("advisor.fixtures", () -> Http.copyOf("fixtures", "seed-.*").toString());
        registry.add("advisor.admin-token", () -> TOKEN);
        registry.add("advisor.watch", () -> "false");
        registry.add("management.endpoint.health.show-details", () -> "always");
        Files.createDirectories(java.nio.file.Path.of("target"));
    }

    @AfterAll
    static void stop() {
        PARTITION.close();
    }

    @Value("${local.server.port}")
    int port;

    Http http() {
        return new Http(port);
    }

    @Test
    void diagnosesAndHealthGoOnWhileTheDatabaseIsPartitionedAndStoringResumesAfter() throws Exception {
        assertThat(http().putJson("/api/v1/companies/outage/snapshots/2024-01", SNAPSHOT.formatted("2024-01"), ADMIN)
                .status()).isEqualTo(201);
        assertThat(http().get("/actuator/health").json().at("/components/database/status").asString()).isEqualTo("UP");

        PARTITION.cut();
        long cutAt = System.nanoTime();
        await("health notices").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> http().get("/actuator/health").json().at("/components/database/status").asString(),
                        "DEGRADED"::equals);
        System.out.printf("the outage seen by health after %d ms%n", (System.nanoTime() - cutAt) / 1_000_000);
        for (int second = 0; second < 8; second++) {
            long asked = System.nanoTime();
            Http.Response health = http().get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
            assertThat(http().get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
            assertThat(http().get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
            assertThat((System.nanoTime() - asked) / 1_000_000).as("ms for three health calls").isLessThan(1_000);
            Http.Response diagnosis = http().post("/api/v1/diagnoses", "application/json",
                    SNAPSHOT.formatted("2024-02"));
            assertThat(diagnosis.status()).isEqualTo(200);
            long storing = System.nanoTime();
            Http.Response refused = http().putJson("/api/v1/companies/outage/snapshots/2024-02",
                    SNAPSHOT.formatted("2024-02"), ADMIN);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).contains("the database does not answer", "diagnoses go on");
            assertThat((System.nanoTime() - storing) / 1_000_000).as("ms to refuse a store").isLessThan(5_000);
            assertThat(http().getWith("/api/v1/companies", ADMIN).status()).isEqualTo(503);
            Thread.sleep(1_000);
        }

        PARTITION.heal();
        long healedAt = System.nanoTime();
        await("storing resumes").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> http().putJson("/api/v1/companies/outage/snapshots/2024-02",
                        SNAPSHOT.formatted("2024-02"), ADMIN).status() == 201);
        System.out.printf("storing resumed %d ms after the database answered again%n",
                (System.nanoTime() - healedAt) / 1_000_000);
        assertThat(http().get("/actuator/health").json().at("/components/database/status").asString()).isEqualTo("UP");
    }

    /**
     * A TCP proxy that can stop forwarding: cut, it keeps every connection open and lets no byte through, and
     * takes new connections without answering; healed, it drops what it held and forwards again.
     */
    static final class Partition implements AutoCloseable {

        private ServerSocket server;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private volatile boolean cut;
        private String host;
        private int upstreamPort;

        void start(String host, int upstreamPort) throws IOException {
            this.host = host;
            this.upstreamPort = upstreamPort;
            server = new ServerSocket();
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread accepting = new Thread(this::accept, "partition");
            accepting.setDaemon(true);
            accepting.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void cut() {
            cut = true;
        }

        void heal() {
            cut = false;
            open.forEach(Partition::quietly);
            open.clear();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    open.add(client);
                    if (cut) {
                        continue;
                    }
                    Socket upstream = new Socket(host, upstreamPort);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // Closed, or the upstream refused: the client sees its connection fail.
                }
            }
        }

        private void pump(Socket from, Socket to) {
            Thread pump = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        while (cut && !from.isClosed()) {
                            Thread.sleep(50);
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // Either side closed.
                } finally {
                    quietly(from);
                    quietly(to);
                }
            }, "partition-pump");
            pump.setDaemon(true);
            pump.start();
        }

        private static void quietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed.
            }
        }

        @Override
        public void close() {
            heal();
            quietly(server);
        }

        private static void quietly(ServerSocket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }
}
