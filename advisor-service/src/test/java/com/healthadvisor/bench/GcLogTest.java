package com.healthadvisor.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class GcLogTest {

    @Test
    void findsTheLongestPauseSinceAMark(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("gc.log");
        GcLog log = new GcLog(file);
        Files.writeString(file, "[4.705s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 158M->46M(536M) 27.542ms\n");
        long mark = log.mark();
        Files.writeString(file, """
                [35.521s][info][gc] GC(59) Concurrent Mark Cycle
                [35.600s][info][gc] GC(58) Pause Young (Concurrent Start) (Metadata GC Threshold) 63M->48M(536M) 13.796ms
                [35.717s][info][gc] GC(59) Pause Remark 75M->75M(280M) 21.326ms
                [35.796s][info][gc] GC(59) Pause Cleanup 85M->85M(280M) 0.176ms
                """, StandardOpenOption.APPEND);

        assertThat(log.longestSince(mark)).contains(new GcLog.Pause("Remark", 21.326));
        assertThat(log.longestSince(0)).contains(new GcLog.Pause("Young (Normal) (G1 Evacuation Pause)", 27.542));
        assertThat(log.longestSince(log.mark())).isEmpty();
    }
}
