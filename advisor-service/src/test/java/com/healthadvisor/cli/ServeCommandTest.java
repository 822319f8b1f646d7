package com.healthadvisor.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} refuses what cannot work in one line and exit 2, before anything starts. */
class ServeCommandTest {

    /** The first admin's password follows hash-password's rule; checked in a process of its own, for its environment. */
    @Test
    void aShortInitialAdminPasswordStopsTheStartInOneLine() throws Exception {
        ProcessBuilder serve = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "com.healthadvisor.cli.HealthAdvisorMain",
                "serve", "--port", "0").redirectOutput(ProcessBuilder.Redirect.DISCARD);
        java.nio.file.Path errors = java.nio.file.Files.createTempFile("serve", ".err");
        serve.redirectError(errors.toFile()).environment().put("ADVISOR_INITIAL_ADMIN_PASSWORD", "x");
        Process process = serve.start();
        boolean stopped = process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        process.destroyForcibly();
        String err = java.nio.file.Files.readString(errors);

        assertThat(stopped).as("serve stopped by itself; it said: " + err).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("error: ADVISOR_INITIAL_ADMIN_PASSWORD has 1 characters: it needs at least "
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
}
