package com.healthadvisor.cli;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Prints the hash of a workbench password, for {@code advisor.users[].password-hash}: the password is read from the
 * terminal without echo, or from the first line of standard input, never from the command line (where the shell's
 * history and the process list would keep it).
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Print the hash of a workbench password (read from the terminal or standard input) for "
                + "advisor.users[].password-hash.")
class HashPasswordCommand implements Callable<Integer> {

    /** Long enough that a guessed password takes more than a few tries per second against a stolen hash. */
    static final int MIN_LENGTH = 12;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String password = read();
        if (password == null || password.length() < MIN_LENGTH) {
            throw new UsageException("a workbench password has at least " + MIN_LENGTH + " characters");
        }
        spec.commandLine().getOut().println(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .encode(password));
        return 0;
    }

    private static String read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
