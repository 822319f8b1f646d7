package com.healthadvisor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code serve} listens where the options, else the environment, say, and refuses what cannot work in one line and
 * exit 2, before anything starts.
 */
class ServeCommandTest {

    /** The first admin's password follows hash-password's rule; checked in a process of its own, for its environment. */
    @Test
    void aShortInitialAdminPasswordStopsTheStartInOneLine() throws Exception {
        Exited run = serve(Map.of("ADVISOR_INITIAL_ADMIN_PASSWORD", "x"), "--port", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: ADVISOR_INITIAL_ADMIN_PASSWORD has 1 characters: it needs at least "
                + "12; the service was not started");
    }

    @Test
    void aPortInUseIsOneLineAndExitCode2() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();

            Cli.Run run = Cli.run("serve", "--port", String.valueOf(port));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip()).isEqualTo("error: port " + port + " is already in use: stop what listens "
                    + "there, or choose another with --port N");
        }
    }

    /** SERVER_PORT is read when there is no --port, and --port wins over it: the busy-port refusal says which. */
    @Test
    void thePortIsTheOptionsElseServerPortFromTheEnvironment() throws Exception {
        try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
            String fromEnvironment = String.valueOf(first.getLocalPort());
            String fromOption = String.valueOf(second.getLocalPort());

            Exited environmentOnly = serve(Map.of("SERVER_PORT", fromEnvironment));
            Exited both = serve(Map.of("SERVER_PORT", fromEnvironment), "--port", fromOption);

            assertThat(environmentOnly.exitCode()).isEqualTo(2);
            assertThat(environmentOnly.err()).contains("port " + fromEnvironment + " is already in use");
            assertThat(both.exitCode()).isEqualTo(2);
            assertThat(both.err()).contains("port " + fromOption + " is already in use");
        }
    }

    @Test
    void anAddressThisMachineDoesNotHaveIsOneLine() throws Exception {
        // 203.0.113.0/24 is reserved for documentation: no machine has it.
        Exited run = serve(Map.of("SERVER_ADDRESS", "203.0.113.7"), "--port", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: address 203.0.113.7 is not one of this machine's: choose one "
                + "it has with --address IP (or none, for every interface)");
    }

    /** The service listens where SERVER_ADDRESS and SERVER_PORT say, and only there. */
    @Test
    void theServiceListensOnServerAddressAndServerPort(@TempDir Path temp)
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder serve = java(Map.of("SERVER_PORT", String.valueOf(port), "SERVER_ADDRESS", "127.0.0.1",
                "SPRING_DATASOURCE_URL", "jdbc:h2:file:" + temp.resolve("advisor"),
                "ADVISOR_RULES", Path.of("rules").toAbsolutePath().toString()))
                .redirectErrorStream(true).redirectOutput(temp.resolve("serve.log").toFile());
        Process process = serve.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int status = 0;
            while (status != 200 && process.isAlive() && System.nanoTime() < deadline) {
                try {
                    status = http.send(HttpRequest.newBuilder(health).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(status).as(Files.readString(temp.resolve("serve.log"))).isEqualTo(200);
            InetAddress other = nonLoopbackAddress();
            assertThat(other).as("a network interface besides loopback, to show the service is not on it").isNotNull();
            try (Socket probe = new Socket()) {
                assertThatThrownBy(() -> probe.connect(new InetSocketAddress(other, port), 2000))
                        .isInstanceOf(IOException.class);
            }
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private record Exited(int exitCode, String err) {
    }

    /** {@code serve} in a process of its own, for its environment; it is expected to stop by itself. */
    private static Exited serve(Map<String, String> environment, String... options) throws Exception {
        Path errors = Files.createTempFile("serve", ".err");
        Process process = java(environment, options).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile()).start();
        boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
        process.destroyForcibly();
        String err = Files.readString(errors);
        assertThat(stopped).as("serve stopped by itself; it said: " + err).isTrue();
        return new Exited(process.exitValue(), err);
    }

    private static ProcessBuilder java(Map<String, String> environment, String... options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "com.healthadvisor.cli.HealthAdvisorMain", "serve"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SERVER_PORT");
        builder.environment().remove("SERVER_ADDRESS");
        builder.environment().putAll(environment);
        return builder;
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }
}
