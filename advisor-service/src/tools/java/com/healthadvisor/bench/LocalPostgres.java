package com.healthadvisor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the tests and the benchmark: Debian's {@code postgresql} binaries (installed
 * by {@code .ci/run}), a fresh cluster in a temporary directory on a free loopback port, stopped when the JVM
 * exits. {@code ADVISOR_TEST_POSTGRES_URL} names an existing server instead. PostgreSQL refuses to run as root,
 * so as root the server runs as the {@code postgres} user.
 */
public final class LocalPostgres {

    private static LocalPostgres started;

    private final String url;

    private LocalPostgres(String url) {
        this.url = url;
    }

    /**
     * The JDBC URL of the {@code postgres} database of a server this JVM shares, started on first use; the user
     * ({@code postgres}, no password) is in the URL.
     */
    public static synchronized String url() {
        String given = System.getenv("ADVISOR_TEST_POSTGRES_URL");
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (started == null) {
            started = start();
        }
        return started.url;
    }

    /** A new, empty database on that server, so that each test class (or benchmark) starts from nothing. */
    public static String freshDatabase(String name) {
        String server = url();
        try (var connection = java.sql.DriverManager.getConnection(server)) {
            try (var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + server, e);
        }
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : server.substring(query));
    }

    private static LocalPostgres start() {
        Path bin = binaries();
        try {
            Path home = Files.createTempDirectory("advisor-postgres");
            Path data = home.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres:postgres", home.toString()));
            }
            run(as(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8")));
            int port = freePort();
            run(as(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    home.resolve("log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=on", "start")));
            List<String> stop = as(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                    "-m", "immediate", "stop"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(stop);
                    deleteTree(home);
                } catch (RuntimeException | IOException e) {
                    // Leaving a temporary directory behind is all that can go wrong here.
                }
            }));
            return new LocalPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest installed PostgreSQL's bin directory; a test that needs it fails here, loudly, without it. */
    private static Path binaries() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                var newest = installed.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(b -> Integer.parseInt(
                                b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed: the PostgreSQL tests need Debian's postgresql "
                + "package (apt-get install postgresql; .ci/run installs it), or ADVISOR_TEST_POSTGRES_URL pointing "
                + "at a server where user postgres may create databases");
    }

    private static List<String> as(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
