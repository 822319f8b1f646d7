package com.healthadvisor.cli;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running service's rule file edited from a script: {@code rules pull} gives the file and its ETag, {@code rules
 * push --if-match} applies the edit only if nobody changed the file meanwhile; a push made on a stale copy is
 * refused and changes nothing; a push without it works and says what it replaced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuleFilesThroughServiceTest {

    private static final String TOKEN = "rule-files-admin-token";
    private static final Path ROOT = ThroughService.temporary("advisor-rule-files");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ThroughService.settings(registry, ROOT, TOKEN);
    }

    @Value("${local.server.port}")
    int port;

    Cli.Run rules(String... args) {
        return ThroughService.run(port, TOKEN, "rules", args);
    }

    @Test
    void anEditPushedOnAStaleCopyIsRefusedAndOnePushedOnTheCurrentOneApplies() throws Exception {
        Path mine = ROOT.resolve("limits.csv");
        Cli.Run pulled = rules("pull", "limits.csv", "--output", mine.toString());
        assertThat(pulled.exitCode()).as(pulled.err()).isZero();
        String etag = pulled.out().strip();
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        String original = Files.readString(mine);
        assertThat(original).contains("blended_average_spread,10,");

        // Someone else changes the file after the pull.
        HttpResponse<String> theirs = putDirectly(original.replace("blended_average_spread,10,",
                "blended_average_spread,11,"));
        assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(200);

        Files.writeString(mine, original.replace("blended_average_spread,10,", "blended_average_spread,12,"));
        Cli.Run stale = rules("push", "limits.csv", mine.toString(), "--if-match", etag);
        assertThat(stale.exitCode()).isEqualTo(2);
        assertThat(stale.err()).contains("limits.csv changed on the service since it was read")
                .contains("nothing was changed");
        assertThat(rules("pull", "limits.csv").out()).contains("blended_average_spread,11,");

        Cli.Run again = rules("pull", "limits.csv", "--output", mine.toString());
        assertThat(again.out().strip()).isNotEqualTo(etag);
        Files.writeString(mine, Files.readString(mine).replace("blended_average_spread,11,",
                "blended_average_spread,12,"));
        Cli.Run pushed = rules("push", "limits.csv", mine.toString(), "--if-match", again.out().strip());
        assertThat(pushed.exitCode()).as(pushed.err()).isZero();
        assertThat(pushed.out()).contains("\"version\"");
        assertThat(pushed.err()).contains("ETag: \"").doesNotContain("without --if-match");

        Cli.Run pulledToScreen = rules("pull", "limits.csv");
        assertThat(pulledToScreen.out()).contains("blended_average_spread,12,");
        assertThat(pulledToScreen.err()).startsWith("ETag: \"").contains("--if-match");
    }

    @Test
    void aPushWithoutIfMatchAppliesAndSaysWhatItReplaced() throws Exception {
        Path mine = ROOT.resolve("benchmarks.csv");
        String before = rules("pull", "benchmarks.csv", "--output", mine.toString()).out().strip();
        Files.writeString(mine, Files.readString(mine) + "# reviewed\n");

        Cli.Run blind = rules("push", "benchmarks.csv", mine.toString());

        assertThat(blind.exitCode()).as(blind.err()).isZero();
        assertThat(blind.err()).contains("pushed without --if-match: replaced benchmarks.csv " + before);
    }

    @Test
    void aPushNeedsAServiceAndAFileThatExists() {
        Cli.Run noService = Cli.run("rules", "push", "limits.csv", "limits.csv");
        assertThat(noService.exitCode()).isEqualTo(2);
        assertThat(noService.err()).contains("--service URL or ADVISOR_SERVICE_URL");
        Cli.Run noFile = rules("push", "limits.csv", ROOT.resolve("nowhere.csv").toString());
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("no such file");
    }

    private HttpResponse<String> putDirectly(String content) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/rules/files/limits.csv")).header("Authorization", "Bearer " + TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString(content)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
