package com.healthadvisor.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed fixtures' reports compared whole with {@code fixtures/NAME.expected.md} and {@code .expected.html}.
 * After an intended change, regenerate them with {@code mvn test -Dtest=GoldenReportTest -Dgolden.update=true}
 * and review the diff.
 */
class GoldenReportTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static List<String> seeds() {
        return SeedReports.SEEDS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void markdownMatchesItsGoldenFile(String seed) throws IOException {
        compare(Path.of("fixtures", seed + ".expected.md"), SeedReports.of(seed).markdown());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void htmlMatchesItsGoldenFile(String seed) throws IOException {
        compare(Path.of("fixtures", seed + ".expected.html"), SeedReports.of(seed).html(false));
    }

    /** Without the switch a missing golden file fails the test: writing it here would make the test pass by itself. */
    private static void compare(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file (create it with -Dgolden.update=true, then review it)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
