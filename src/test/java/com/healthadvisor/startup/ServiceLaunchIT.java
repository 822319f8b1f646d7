package com.healthadvisor.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's first command after the build: the service from {@code target/service} with its class-data archive.
 * Runs after {@code package}, which builds both.
 */
class ServiceLaunchIT {

    private static final Path SERVICE = Path.of("target", "service");

    @Test
    void startsFromTheArchiveAndDiagnoses(@TempDir Path temp) throws Exception {
        Path classLoads = temp.resolve("class-load.log");
        // -Xshare:on: a JVM that cannot map the archive refuses to start instead of starting without it.
        List<String> options = new ArrayList<>(List.of("-Xshare:on", "-Xlog:class+load:file=" + classLoads));
        options.addAll(ServiceProcess.readmeOptions(SERVICE.resolve(ClassDataArchive.ARCHIVE)));

        try (ServiceProcess service = ServiceProcess.start(SERVICE.resolve(ClassDataArchive.JAR), Path.of("rules"), options)) {
            String result = service.diagnose(Files.readString(Path.of("fixtures", "seed-2-warning-signs.json")),
                    "application/json");

            // judgment.md: seed 2 is critical (RETENTION_FIRST gathers more than four red flags).
            assertThat(result).contains("\"health\":\"critical\"", "RETENTION_FIRST");
        }
        List<String> loads = Files.readAllLines(classLoads);
        assertThat(loads).anyMatch(line -> line.contains("org.springframework.boot.SpringApplication source: shared objects file"));
        assertThat(loads).anyMatch(line -> line.contains("org.drools.core.") && line.endsWith("source: shared objects file"));
    }

    @Test
    void readmeStartsTheServiceWithTheOptionsMeasuredHere() throws Exception {
        String firstCommand = Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.contains(" serve")).findFirst().orElseThrow();

        assertThat(firstCommand).contains("-jar " + SERVICE.resolve(ClassDataArchive.JAR) + " serve");
        assertThat(firstCommand.split(" ")).contains(
                ServiceProcess.readmeOptions(SERVICE.resolve(ClassDataArchive.ARCHIVE)).toArray(String[]::new));
    }
}
