package com.healthadvisor.cli;

import com.healthadvisor.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rules check} predicts what the running service does with the same change (issue: one vetting
 * everywhere): for deliberately broken and deliberately moved rule sets, both accept or both refuse, with the same
 * problems, and report the same moved scenarios.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckAgreesWithServiceTest {

    private static final String TOKEN = "agreement-admin-token";
    private static final Path ROOT = temporaryDirectory();
    private static final Path RULES = TestFiles.copy(Path.of("rules"), ROOT.resolve("rules"), ".*");
    private static final Path FIXTURES = TestFiles.copy(Path.of("fixtures"), ROOT.resolve("fixtures"),
            "(seed-|logo-churn-crisis-).*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules", RULES::toString);
        registry.add("advisor.fixtures", FIXTURES::toString);
        registry.add("advisor.admin-token", () -> TOKEN);
        registry.add("advisor.watch", () -> "false");
        // One row changes DRL: the operator has let admins do that over HTTP.
        registry.add("advisor.rules.network-drl", () -> "true");
    }

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            moves scenarios       | benchmarks.csv | logo_churn_rate_monthly,crisis,> 5%,  | logo_churn_rate_monthly,crisis,> 7%,
            breaks a guard        | limits.csv     | retention_first_min_flags,2,         | retention_first_min_flags,9,
            does not compile      | benchmarks.csv | nrr,problem,< 90%                    | nrr,problem,< 90
            names a missing band  | growth.drl     | band == "leaky_bucket"               | band == "leaky"
            rewords an action     | growth.yaml    | Growth is running on a treadmill.    | Growth runs on a treadmill.
            """)
    void checkAndTheServiceDecideAlike(String change, String file, String from, String to) throws Exception {
        String original = Files.readString(RULES.resolve(file));
        String edited = original.replace(from.trim(), to.trim());
        if (file.equals("benchmarks.csv") && change.startsWith("moves")) {
            edited = edited.replace("logo_churn_rate_monthly,acceptable,2% to 5%,", "logo_churn_rate_monthly,acceptable,2% to 7%,");
        }
        assertThat(edited).isNotEqualTo(original);
        Path candidate = TestFiles.copy(RULES, Files.createTempDirectory("advisor-candidate"), "[^.].*");
        Files.writeString(candidate.resolve(file), edited);

        Cli.Run check = Cli.run("rules", "check", "--rules", candidate.toString(), "--fixtures", FIXTURES.toString());
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/rules/files/" + file))
                .header("Authorization", "Bearer " + TOKEN).PUT(HttpRequest.BodyPublishers.ofString(edited)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(put.body());

        try {
            assertThat(put.statusCode() == 200).as(change + ": accepted by the service").isEqualTo(check.exitCode() == 0);
            if (check.exitCode() == 0) {
                assertThat(lines(check.out(), "  moved ")).as(change + ": moved scenarios")
                        .isEqualTo(texts(body.at("/last_reload/moved_scenarios")));
            } else {
                assertThat(lines(check.err(), "  ")).as(change + ": problems").isEqualTo(texts(body.get("errors")));
            }
        } finally {
            if (put.statusCode() == 200) {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/rules/files/" + file))
                        .header("Authorization", "Bearer " + TOKEN)
                        .PUT(HttpRequest.BodyPublishers.ofString(original)).build(), HttpResponse.BodyHandlers.ofString());
            }
        }
    }

    private static List<String> lines(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .toList();
    }

    private static List<String> texts(JsonNode problems) {
        List<String> texts = new ArrayList<>();
        problems.forEach(problem -> texts.add(problem.get("text").asString()));
        return texts;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("advisor-agreement");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
