package com.healthadvisor.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The service in a JVM of its own, started from this jar, as a user starts it. */
final class ServiceProcess implements AutoCloseable {

    static final String TOKEN = "bench-admin-token";

    private final Process process;
    final int port;
    final long startupMillis;

    private ServiceProcess(Process process, int port, long startupMillis) {
        this.process = process;
        this.port = port;
        this.startupMillis = startupMillis;
    }

    /** Starts {@code java -jar <this jar> serve} on a free port and waits until it answers health checks. */
    static ServiceProcess start(Path jar, Path rules) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("advisor-bench-service", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString(), "serve", "--port", String.valueOf(port), "--rules", rules.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ADVISOR_ADMIN_TOKEN", TOKEN);
        long start = System.nanoTime();
        Process process = builder.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service did not start; see " + log);
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("the service did not answer in 60 s; see " + log);
            }
            Thread.sleep(20);
        }
        return new ServiceProcess(process, port, (System.nanoTime() - start) / 1_000_000);
    }

    /** Resident memory of the service process, from /proc (Linux). */
    long residentMegabytes() throws IOException {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }
}
