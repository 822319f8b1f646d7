package com.healthadvisor.startup;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The service in a JVM of its own, started from a jar with {@code serve}, as a user starts it. */
public final class ServiceProcess implements AutoCloseable {

    public static final String TOKEN = "bench-admin-token";
    /** One client for every request to the service, rather than a client (and its selector thread) per request. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * The JVM options of README's first command beside its class-data archive. A DRL reload loads some 300 new
     * classes, about 1 MB of metaspace. At the default high-water mark (21 MB, raised a little after each
     * collection) every few reloads started a concurrent GC cycle, and its remark pause unloaded the replaced
     * rule classes while requests waited: 20 to 65 ms on two cores, however few the classes, since unloading any
     * class has G1 visit every compiled method. Above 256 MB (some 200 reloads), reloads start no cycle of their
     * own: the replaced classes go at the next cycle the heap itself calls for, or at the periodic one G1 runs
     * once a minute has passed without a collection, that is, when the service is quiet. That remark unloads
     * every rule set replaced since the last one at once, so it is longer (112 ms after 60 DRL edits).
     */
    public static final List<String> TUNING = List.of("-XX:MetaspaceSize=256m", "-XX:G1PeriodicGCInterval=60000");

    /** The JVM options of README's first command: the class-data archive, then {@link #TUNING}. */
    public static List<String> readmeOptions(Path archive) {
        List<String> options = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
        options.addAll(TUNING);
        return options;
    }

    private final Process process;
    private final Path log;
    public final int port;
    public final long startupMillis;

    private ServiceProcess(Process process, Path log, int port, long startupMillis) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startupMillis = startupMillis;
    }

    /**
     * Starts {@code java <jvmOptions> -jar <jar> serve} on a free port and waits until it answers health
     * checks; the start-up time runs from launching the JVM to the first healthy answer.
     */
    public static ServiceProcess start(Path jar, Path rules, List<String> jvmOptions) throws Exception {
        return start(jar, rules, jvmOptions, java.util.Map.of());
    }

    /** The same, with more environment variables (a database URL, say). */
    public static ServiceProcess start(Path jar, Path rules, List<String> jvmOptions,
                                       java.util.Map<String, String> environment) throws Exception {
        return start(jar, rules, jvmOptions, environment, null);
    }

    /** The same, started in a working directory of its own (where the default ./data goes); null for this one. */
    public static ServiceProcess start(Path jar, Path rules, List<String> jvmOptions,
                                       java.util.Map<String, String> environment, Path workingDirectory)
            throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "serve", "--port", String.valueOf(port), "--rules", rules.toAbsolutePath().toString()));
        java.util.Map<String, String> withToken = new java.util.HashMap<>(environment);
        withToken.putIfAbsent("ADVISOR_ADMIN_TOKEN", TOKEN);
        return launch(command, port, withToken, workingDirectory);
    }

    /**
     * Starts {@code java <arguments>}, a server that {@code arguments} tell to listen on {@code port}, and waits until
     * it answers health checks there (another Spring Boot application, say).
     */
    public static ServiceProcess launch(List<String> arguments, int port, java.util.Map<String, String> environment,
                                        Path workingDirectory) throws Exception {
        Path log = Files.createTempFile("advisor-service", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        awaitHealthy(process, port, log, start);
        return new ServiceProcess(process, log, port, (System.nanoTime() - start) / 1_000_000);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitHealthy(Process process, int port, Path log, long start) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service did not start; see " + log);
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
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
    }

    /** Posts a snapshot for diagnosis, asking for {@code accept}; returns the body, or fails on any status but 200. */
    public String diagnose(String snapshot, String accept) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/diagnoses"))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(snapshot)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("diagnosis answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * Sends a request as the admin (a JSON body, or none when null) and returns the answer whatever its status; an
     * {@link IOException} when the service is not there to answer.
     */
    public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** What the service has logged so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Kills the process outright (SIGKILL), as a crash or a pulled plug would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    /** Resident memory of the service process, from /proc (Linux). */
    public long residentMegabytes() throws IOException {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }

    /** Stops the service the way a shutdown does (SIGTERM), then forcibly if it lingers, and deletes its log. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }
}
