package com.healthadvisor.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's garbage-collection log ({@code -Xlog:gc}), read for the longest pause within a stretch of it:
 * a slow request during a measurement is either a pause of the service's JVM or something else on the host.
 */
final class GcLog {

    /** A stop-the-world pause: its kind (e.g. "Remark", "Young (Normal) (G1 Evacuation Pause)") and length. */
    record Pause(String kind, double millis) {
    }

    private static final Pattern PAUSE =
            Pattern.compile("Pause (.+?) \\d+[KMG]->\\d+[KMG]\\(\\d+[KMG]\\) ([0-9.]+)ms");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    /** The JVM option that writes this log. */
    String option() {
        return "-Xlog:gc:file=" + file;
    }

    /** Where the log ends now: the start of a stretch to read later. */
    long mark() throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** The longest pause logged since the mark, if any. */
    Optional<Pause> longestSince(long mark) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String stretch;
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, log.length() - mark)];
            log.seek(mark);
            log.readFully(bytes);
            stretch = new String(bytes, StandardCharsets.UTF_8);
        }
        Pause longest = null;
        Matcher pause = PAUSE.matcher(stretch);
        while (pause.find()) {
            double millis = Double.parseDouble(pause.group(2));
            if (longest == null || millis > longest.millis()) {
                longest = new Pause(pause.group(1), millis);
            }
        }
        return Optional.ofNullable(longest);
    }
}
