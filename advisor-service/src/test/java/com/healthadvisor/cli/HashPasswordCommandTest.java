package com.healthadvisor.cli;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;

class HashPasswordCommandTest {

    @Test
    void printsAHashThatMatchesThePasswordAndNotThePassword() {
        Cli.Run run = Cli.runWithInput("correct horse battery\n", "hash-password");
        assertThat(run.exitCode()).isZero();
        String hash = run.out().strip();
        assertThat(hash).startsWith("{bcrypt}$2a$").doesNotContain("horse");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("correct horse battery", hash))
                .isTrue();
    }

    @Test
    void refusesAShortPassword() {
        Cli.Run run = Cli.runWithInput("short\n", "hash-password");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("at least 12 characters");
        assertThat(run.out()).isEmpty();
    }
}
