package com.healthadvisor.company;

import com.healthadvisor.report.ResultJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedSummariesTest {

    private static String summary(String period) {
        return ResultJson.mapper().writeValueAsString(new TimelineEntry(period, 1, "healthy", "v1",
                Instant.parse("2026-12-07T00:00:00Z"), List.of(), List.of("NRR_ABOVE_120"), null, "growth", "smb",
                List.of()));
    }

    @Test
    void aTextIsReadAsItsEntryAndReadOnce() {
        ParsedSummaries summaries = new ParsedSummaries();
        String text = summary("2026-01");
        TimelineEntry first = summaries.read(text);
        assertThat(first).isEqualTo(ResultJson.mapper().readValue(text, TimelineEntry.class));
        assertThat(summaries.read(new String(text))).isSameAs(first);
        assertThat(summaries.read(summary("2026-02")).period()).isEqualTo("2026-02");
    }

    @Test
    void theLeastRecentlyUsedGoPastAThousandAndTwentyFour() {
        ParsedSummaries summaries = new ParsedSummaries();
        String oldest = summary("2000-01");
        TimelineEntry kept = summaries.read(oldest);
        for (int i = 0; i < 1_024; i++) {
            summaries.read(summary(String.format("%04d-01", 2001 + i)));
        }
        assertThat(summaries.read(oldest)).isNotSameAs(kept).isEqualTo(kept);
    }
}
