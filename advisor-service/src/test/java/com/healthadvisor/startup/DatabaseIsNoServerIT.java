package com.healthadvisor.startup;

import com.healthadvisor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as README starts it, with the embedded database by default: it listens on its HTTP port and nowhere
 * else (H2's AUTO_SERVER listened on every interface, with its key in a file anyone could read), the database's
 * files are the service user's alone, and the command line beside it says how to reach the memory instead of
 * opening the file, and reaches it that way.
 */
class DatabaseIsNoServerIT {

    @TempDir
    Path home;

    @Test
    void theServiceListensOnItsHttpPortOnlyAndItsDatabaseIsPrivate() throws Exception {
        Path jar = TestFiles.BUILD.resolve("health-advisor.jar");
        try (ServiceProcess service = ServiceProcess.start(jar, Path.of("rules"), List.of(), Map.of(), home)) {
            Path data = home.resolve("data");

            assertThat(listeningPorts(service.pid())).containsExactly(service.port);
            assertThat(mode(data)).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(data)) {
                assertThat(files.toList()).isNotEmpty()
                        .allSatisfy(file -> assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------"));
            }
            // AUTO_SERVER wrote the server's address and key into a lock file beside the database.
            Path lock = data.resolve("advisor.lock.db");
            assertThat(Files.exists(lock) ? Files.readString(lock, StandardCharsets.ISO_8859_1) : "").doesNotContain("server");

            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "companies", "list").directory(home.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String said = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.waitFor()).as(said).isEqualTo(1);
            String last = said.strip().lines().reduce((first, second) -> second).orElse("");
            assertThat(last).startsWith("error: the company memory is open in a running service")
                    .contains("/api/v1/companies");
            assertThat(said).doesNotContain("Exception", "\tat ");

            // As the refusal says: through the service.
            ProcessBuilder through = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jar.toString(), "companies", "list", "--service",
                    "http://localhost:" + service.port).directory(home.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            through.environment().put("ADVISOR_TOKEN", ServiceProcess.TOKEN);
            Process list = through.start();
            String listed = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(list.waitFor()).as(listed).isZero();
            assertThat(listed.strip()).isEqualTo("[]");
        }
    }

    /** The TCP ports a process listens on, read from /proc: its sockets' inodes in the kernel's listening table. */
    private static Set<Integer> listeningPorts(long pid) throws IOException {
        Set<String> sockets = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing is no listening socket
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "net", table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                // local address (hex ip:port), state 0A is LISTEN, inode in the tenth column
                if (fields[3].equals("0A") && sockets.contains(fields[9])) {
                    ports.add(Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
