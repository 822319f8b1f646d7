package com.healthadvisor.startup;

import com.healthadvisor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's tour, run as written with bash in a copy of the repository (its rules, fixtures and launcher, and the
 * build's target/), on a free port instead of 8080: every line must work, and say what the README says it does.
 */
class ReadmeTourIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void everyLineOfTheTourWorksAsWritten(@TempDir Path copy) throws Exception {
        String tour = tour();
        int port = freePort();
        copyTree(PROJECT.resolve("rules"), copy.resolve("rules"));
        copyTree(PROJECT.resolve("fixtures"), copy.resolve("fixtures"));
        Files.copy(PROJECT.resolve("health-advisor"), copy.resolve("health-advisor"));
        Files.createDirectories(copy.resolve("advisor-service"));
        Files.createSymbolicLink(copy.resolve("advisor-service/target"), TestFiles.BUILD);

        Process bash = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c",
                tour.replace("localhost:8080", "localhost:" + port).replace("serve &", "serve --port " + port + " &"))
                .directory(copy.toFile()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).contains("RETENTION_FIRST", "LOGO_CHURN_CRISIS", "\"created\":true",
                "# Example: SaaS health report");
        assertThat(Files.readString(copy.resolve("acme.html"))).contains("<html", "Acme");
        assertThat(Files.readString(copy.resolve("rules/benchmarks.csv")))
                .isEqualTo(Files.readString(PROJECT.resolve("rules/benchmarks.csv")));
    }

    @Test
    void readmeIsShortAndStartsWithItsTwoCommands() throws IOException {
        List<String> readme = Files.readAllLines(PROJECT.resolve("README.md"));

        assertThat(readme).hasSizeLessThan(150);
        assertThat(readme.subList(3, 5)).containsExactly("./mvnw -B -q package -DskipTests && ./health-advisor serve",
                "./mvnw -B verify");
    }

    /** The bash block under "## A ten-line tour". */
    private static String tour() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"));
        int section = readme.indexOf("## A ten-line tour");
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        assertThat(section).isPositive();
        assertThat(block.lines().count()).isLessThanOrEqualTo(11);
        return block;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
