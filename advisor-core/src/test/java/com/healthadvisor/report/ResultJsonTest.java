package com.healthadvisor.report;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.fixture.FixtureRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultJsonTest {

    static List<Path> fixtures() {
        return FixtureRunner.fixtures(Path.of("fixtures"));
    }

    /** Stored results are written as text: the same characters as the bytes sent over HTTP, words like "≥" too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void compactTextIsTheCompactBytesDecoded(Path fixture) {
        DiagnosisResult result = SeedReports.of(fixture).result();

        String text = ResultJson.writeCompactText(result);

        assertThat(text).isEqualTo(new String(ResultJson.writeCompact(result), StandardCharsets.UTF_8));
        assertThat(ResultJson.read(text)).isEqualTo(result);
    }
}
