package com.healthadvisor.live;

import com.healthadvisor.files.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The replaced versions of rule files, under {@code rules/.history/NAME.yyyyMMddTHHmmss.SSSZ}: kept for
 * {@code maxAge} (a working week by default, to roll back what went wrong since Monday) and at most
 * {@code maxVersions} per file, so that a file changed often does not fill the disk.
 */
public final class RuleHistory {

    static final String DIRECTORY = ".history";
    private static final Logger LOG = LoggerFactory.getLogger(RuleHistory.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Pattern STAMPED = Pattern.compile("(.+)\\.\\d{8}T\\d{6}\\.\\d{3}Z");

    private final Path directory;
    private final Duration maxAge;
    private final int maxVersions;
    private final Clock clock;

    public RuleHistory(Path rules, Duration maxAge, int maxVersions, Clock clock) {
        this.directory = rules.resolve(DIRECTORY);
        this.maxAge = maxAge;
        this.maxVersions = maxVersions;
        this.clock = clock;
    }

    /** Keeps the content a file had before a change; returns the entry, so that a change that fails can take it back. */
    Path keep(String name, String previous) throws IOException {
        privateDirectory(directory);
        Path entry = directory.resolve(name + "." + STAMP.format(clock.instant()));
        Files.writeString(entry, previous, StandardCharsets.UTF_8);
        PrivateFiles.file(entry);
        return entry;
    }

    /** Removes what is older than the age, and a file's oldest versions beyond the count. Never fails a change. */
    void prune() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Instant oldest = clock.instant().minus(maxAge);
        try (Stream<Path> entries = Files.list(directory)) {
            Map<String, List<Path>> byFile = entries.filter(Files::isRegularFile)
                    .collect(Collectors.groupingBy(RuleHistory::fileOf));
            for (List<Path> versions : byFile.values()) {
                versions.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
                for (int i = 0; i < versions.size(); i++) {
                    if (i >= maxVersions || Files.getLastModifiedTime(versions.get(i)).toInstant().isBefore(oldest)) {
                        Files.deleteIfExists(versions.get(i));
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not prune {}: {}", directory, e.getMessage());
        }
    }

    /** The rule file an entry is a version of: its name without the time stamp (which holds a dot itself). */
    private static String fileOf(Path entry) {
        Matcher stamped = STAMPED.matcher(entry.getFileName().toString());
        return stamped.matches() ? stamped.group(1) : entry.getFileName().toString();
    }

    /**
     * Makes a directory of the history, and {@value #DIRECTORY} itself, private to the service's user: the history
     * and the audit log are the rules' past and who changed them ({@code 0700}, files {@code 0600}).
     */
    static void privateDirectory(Path directory) throws IOException {
        try {
            for (Path up = directory; up != null; up = up.getParent()) {
                if (up.getFileName() != null && up.getFileName().toString().equals(DIRECTORY)) {
                    PrivateFiles.directory(up);
                    break;
                }
            }
            PrivateFiles.directory(directory);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
