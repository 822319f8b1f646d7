package com.healthadvisor.live;

import com.healthadvisor.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every attempt to change the rules, accepted or refused, as one JSON line in
 * {@code rules/.history/audit/audit.jsonl}: when, who, what, which files, and why it was refused. Append only;
 * lines older than the history's age are dropped when a new one is written.
 */
public final class AuditLog {

    /**
     * One attempt.
     *
     * @param action   {@code put}, {@code delete}, {@code apply}, {@code restore} or {@code disk}
     * @param accepted whether it went live
     * @param version  the version it made ({@code v12}), or null when refused
     * @param reason   why it was refused, null when accepted
     */
    public record Entry(Instant at, String actor, String action, List<String> files, boolean accepted, String version,
                        String reason) {
    }
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditLog.class);

    private final Path log;
    private final Duration maxAge;
    private final Clock clock;

    public AuditLog(Path rules, Duration maxAge, Clock clock) {
        this.log = rules.resolve(RuleHistory.DIRECTORY).resolve("audit").resolve("audit.jsonl");
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public synchronized void accepted(String actor, String action, List<String> files, String version) {
        write(new Entry(clock.instant(), actor, action, List.copyOf(files), true, version, null));
    }

    public synchronized void refused(String actor, String action, List<String> files, String reason) {
        write(new Entry(clock.instant(), actor, action, List.copyOf(files), false, null, reason));
    }

    /** Every entry kept, oldest first. */
    public synchronized List<Entry> entries() {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).map(line -> Json.PLAIN.readValue(line, Entry.class)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    private void write(Entry entry) {
        try {
            RuleHistory.privateDirectory(log.getParent());
            dropExpired();
            Files.writeString(log, Json.PLAIN.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            com.healthadvisor.files.PrivateFiles.file(log);
        } catch (IOException | UncheckedIOException e) {
            // The attempt itself is answered as it would be; a disk that refuses the log is said in the service log.
            LOG.error("cannot write the audit log {}: {} {}", log, entry, e.getMessage());
        }
    }

    /** Rewrites the log without its expired lines; only the first line is read unless it has expired. */
    private void dropExpired() throws IOException {
        Instant oldest = clock.instant().minus(maxAge);
        if (!Files.exists(log) || !firstEntryBefore(oldest)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (Entry entry : entries()) {
            if (!entry.at().isBefore(oldest)) {
                kept.add(Json.PLAIN.writeValueAsString(entry));
            }
        }
        Path temporary = Files.createTempFile(log.getParent(), ".audit", ".tmp");
        Files.write(temporary, kept, StandardCharsets.UTF_8);
        Files.move(temporary, log, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private boolean firstEntryBefore(Instant oldest) throws IOException {
        try (var reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first != null && !first.isBlank() && Json.PLAIN.readValue(first, Entry.class).at().isBefore(oldest);
        }
    }
}
