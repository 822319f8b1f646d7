package com.healthadvisor.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RuleHistoryTest {

    @TempDir
    Path rules;

    @Test
    void keepsAtMostTheCountPerFileAcrossSeconds() throws IOException {
        Instant start = Instant.parse("2026-12-01T09:00:00Z");
        for (int i = 0; i < 10; i++) {
            Clock clock = Clock.fixed(start.plusMillis(700L * i), ZoneOffset.UTC);
            new RuleHistory(rules, Duration.ofDays(7), 3, clock).keep("limits.csv", "v" + i);
            new RuleHistory(rules, Duration.ofDays(7), 3, clock).keep("growth.drl", "v" + i);
        }

        new RuleHistory(rules, Duration.ofDays(7), 3, Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC)).prune();

        assertThat(names()).containsExactlyInAnyOrder(
                "growth.drl.20261201T090006.300Z", "growth.drl.20261201T090005.600Z", "growth.drl.20261201T090004.900Z",
                "limits.csv.20261201T090006.300Z", "limits.csv.20261201T090005.600Z", "limits.csv.20261201T090004.900Z");
    }

    @Test
    void forgetsWhatIsOlderThanTheAge() throws IOException {
        Instant start = Instant.parse("2026-12-01T09:00:00Z");
        Path old = new RuleHistory(rules, Duration.ofDays(7), 100, Clock.fixed(start, ZoneOffset.UTC)).keep("limits.csv", "old");
        Files.setLastModifiedTime(old, FileTime.from(start.minus(Duration.ofDays(30))));
        Path recent = new RuleHistory(rules, Duration.ofDays(7), 100, Clock.systemUTC()).keep("limits.csv", "new");

        new RuleHistory(rules, Duration.ofDays(7), 100, Clock.systemUTC()).prune();

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(rules.resolve(RuleHistory.DIRECTORY))) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }
}
