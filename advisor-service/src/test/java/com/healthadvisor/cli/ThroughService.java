package com.healthadvisor.cli;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A script's commands against a service the test started: its settings (a copy of the rules, no fixtures, an
 * admin token, an H2 file of its own) and a command run with {@code --service} and the token.
 */
final class ThroughService {

    private ThroughService() {
    }

    /** The service's settings, everything it writes under {@code root}. */
    static void settings(DynamicPropertyRegistry registry, Path root, String token) {
        registry.add("advisor.rules", () -> com.healthadvisor.TestFiles.copy(Path.of("rules"), root.resolve("rules"),
                "[^.].*").toString());
        registry.add("advisor.fixtures", () -> root.resolve("no-fixtures").toString());
        registry.add("advisor.admin-token", () -> token);
        registry.add("advisor.watch", () -> "false");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + root.resolve("db/advisor"));
    }

    /** {@code command args... --service http://localhost:PORT --token TOKEN}. */
    static Cli.Run run(int port, String token, String command, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--service";
        all[args.length + 2] = "http://localhost:" + port;
        all[args.length + 3] = "--token";
        all[args.length + 4] = token;
        return Cli.run(all);
    }

    static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
