package com.healthadvisor.startup;

import com.healthadvisor.TestFiles;
import com.healthadvisor.ledger.LedgerGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost, nothing half-stored: the service is killed (SIGKILL) in the middle of storing a ledger, and after a
 * restart the company has either all of the ledger's months or none; what was stored before survives restarts.
 */
class KillDuringUploadIT {

    private static final Path SERVICE = TestFiles.BUILD.resolve("service");
    private static final int MONTHS = 24;

    @Test
    void aServiceKilledWhileStoringALedgerHasAllOfItsMonthsOrNoneAfterARestart(@TempDir Path temp) throws Exception {
        Path ledger = temp.resolve("ledger.csv");
        try (Writer writer = Files.newBufferedWriter(ledger)) {
            LedgerGenerator.write(writer, 5_000, MONTHS, 7);
        }
        Map<String, String> database = Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + temp.resolve("db/advisor"));
        List<String> options = List.of("-Dadvisor.max-ledger-size=64MB");

        ServiceProcess service = start(options, database);
        try {
            assertThat(upload(service, "before", ledger).join().statusCode()).isEqualTo(201);
            for (int attempt = 0; attempt < 2; attempt++) {
                CompletableFuture<HttpResponse<String>> upload = upload(service, "killed-" + attempt, ledger);
                awaitLog(service, "storing " + MONTHS + " months of killed-" + attempt);
                Thread.sleep(150L * attempt);
                service.kill();
                assertThat(upload).failsWithin(Duration.ofSeconds(30));
                service.close();

                service = start(options, database);
                int kept = months(service, "killed-" + attempt);
                System.out.printf("killed %d ms into storing a ledger of %d months: %d kept after the restart%n",
                        150 * attempt, MONTHS, kept);
                assertThat(kept).isIn(0, MONTHS);
                assertThat(months(service, "before")).isEqualTo(MONTHS);
            }
        } finally {
            service.close();
        }
    }

    private static ServiceProcess start(List<String> options, Map<String, String> environment) throws Exception {
        return ServiceProcess.start(SERVICE.resolve(ClassDataArchive.JAR), Path.of("rules"), options, environment);
    }

    private static CompletableFuture<HttpResponse<String>> upload(ServiceProcess service, String company, Path ledger)
            throws Exception {
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + service.port + "/api/v1/companies/" + company + "/ledger"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + ServiceProcess.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofFile(ledger)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitLog(ServiceProcess service, String line) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!service.log().contains(line)) {
            assertThat(Instant.now()).as("the service never logged: " + line).isBefore(deadline);
            Thread.sleep(10);
        }
    }

    /** The periods of a company's timeline; 0 when it has none (404). */
    private static int months(ServiceProcess service, String company) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + service.port + "/api/v1/companies/" + company + "/timeline"))
                .header("Authorization", "Bearer " + ServiceProcess.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        JsonNode timeline = JsonMapper.builder().build().readTree(response.body());
        return timeline.get("periods").size();
    }
}
