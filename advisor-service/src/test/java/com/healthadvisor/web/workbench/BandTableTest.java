package com.healthadvisor.web.workbench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BandTableTest {

    private static final String CSV = read();

    @Test
    void everyBandOfTheFileIsARowAtItsLine() {
        List<BandTable.Row> rows = BandTable.read(CSV);
        String[] lines = CSV.split("\n", -1);
        long dataLines = CSV.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).count() - 1;
        assertThat(rows).hasSize((int) dataLines);
        for (BandTable.Row row : rows) {
            assertThat(lines[row.line() - 1]).startsWith(row.metric() + "," + row.band() + ",");
        }
    }

    @Test
    void writingBackWithoutAnEditGivesTheSameBytes() {
        Map<Integer, BandTable.Row> same = new HashMap<>();
        BandTable.read(CSV).forEach(row -> same.put(row.line(), row));
        assertThat(BandTable.write(CSV, same)).isEqualTo(CSV);
    }

    /** Each row edited alone changes its own line and no other, and reads back as edited. */
    @Test
    void anEditChangesItsLineOnly() {
        String[] before = CSV.split("\n", -1);
        for (BandTable.Row row : BandTable.read(CSV)) {
            BandTable.Row edited = new BandTable.Row(row.line(), row.metric(), row.band(), "1, or 2 \"odd\"",
                    "growth|scale", "", "monthly", "watch");
            String written = BandTable.write(CSV, Map.of(row.line(), edited));
            String[] after = written.split("\n", -1);
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.length; i++) {
                if (i != row.line() - 1) {
                    assertThat(after[i]).isEqualTo(before[i]);
                }
            }
            assertThat(BandTable.read(written)).contains(edited);
        }
    }

    private static String read() {
        try {
            return Files.readString(Path.of("rules/benchmarks.csv"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
