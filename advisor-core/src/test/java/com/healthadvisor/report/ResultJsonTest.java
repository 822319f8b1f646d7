package com.healthadvisor.report;

import com.healthadvisor.DiagnosisResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ResultJsonTest {

    /** Stored results are written as text: the same characters as the bytes sent over HTTP, words like "≥" too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.healthadvisor.report.ReportContentTest#fixtures")
    void compactTextIsTheCompactBytesDecoded(Path fixture) {
        DiagnosisResult result = SeedReports.of(fixture).result();

        String text = ResultJson.writeCompactText(result);

        assertThat(text).isEqualTo(new String(ResultJson.writeCompact(result), StandardCharsets.UTF_8));
        assertThat(ResultJson.read(text)).isEqualTo(result);
    }
}
