package com.healthadvisor.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} on a port something else listens on: one line and exit 2, before anything starts. */
class ServeCommandTest {

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
