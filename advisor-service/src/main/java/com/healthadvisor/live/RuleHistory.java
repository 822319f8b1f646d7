package com.healthadvisor.live;

import com.healthadvisor.json.Json;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The rules' past, in the database every replica shares: each rule set that went live as a version (a number,
 * when, who, why, which files it changed, and each file's content, stored once by its SHA-256), and every attempt
 * to change the rules, accepted or refused (the audit log). An accepted change writes its version and its audit
 * line in one transaction. The rules directory is the working copy; this is its history.
 *
 * <p>Kept by age, by count and by the bytes of the contents the kept versions name, always the newest version; the
 * audit log by age and count.
 */
public final class RuleHistory {

    /**
     * One version.
     *
     * @param id      {@code v1}, {@code v2}, ... in the order they went live
     * @param ruleSet the rule set's own version (a hash of its files): a restore gives a new id and the old hash
     * @param trigger {@code startup}, {@code disk}, {@code api} or {@code restore}
     * @param changed the files added, replaced or removed against the version before
     * @param files   every file of the set, by name, as the SHA-256 of its content
     */
    public record Version(String id, Instant at, String actor, String trigger, String message, String ruleSet,
                          List<String> changed, Map<String, String> files) {
    }

    /**
     * One attempt to change the rules.
     *
     * @param action   {@code put}, {@code delete}, {@code validate}, {@code preview}, {@code apply}, {@code restore}
     *                 or {@code disk}
     * @param accepted whether it went live
     * @param version  the version it made ({@code v12}), or null when refused
     * @param reason   why it was refused, null when accepted
     */
    public record Entry(Instant at, String actor, String action, List<String> files, boolean accepted, String version,
                        String reason) {
    }

    /**
     * How much is kept: versions younger than {@code maxAge}, at most {@code maxVersions} of them, whose contents
     * come to at most {@code maxBytes}; audit lines younger than {@code maxAge}, at most {@link #MAX_ENTRIES}.
     */
    public record Retention(Duration maxAge, int maxVersions, long maxBytes) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleHistory.class);
    /** The audit lines kept at most, whatever their age. */
    static final int MAX_ENTRIES = 100_000;
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final String VERSION = "SELECT number, at, actor, trigger_name, message, rule_set, changed "
            + "FROM rule_version ";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Retention retention;
    private final Clock clock;

    public RuleHistory(DataSource dataSource, PlatformTransactionManager transactionManager, Retention retention,
                       Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.retention = retention;
        this.clock = clock;
    }

    /** Records the rule set a service starts with, unless the newest version is that rule set (a restart). */
    public Version started(RuleSet ruleSet) {
        return inTransaction(() -> {
            Optional<Version> newest = newest();
            return newest.filter(version -> version.ruleSet().equals(ruleSet.version())).orElseGet(() ->
                    record(next(newest), newest, ruleSet.version(), ruleSet.sources(), "startup", Trigger.STARTUP,
                            null));
        });
    }

    /**
     * A change that went live: its version and its audit line, together. A rule set the newest version already
     * is (another replica's change, adopted here) is not a version again; its audit line names that version.
     */
    public Version accepted(RuleSet ruleSet, String actor, RuleAction action, Trigger trigger, String message,
                            List<String> files) {
        return accepted(ruleSet.version(), ruleSet.sources(), actor, action, trigger, message, files);
    }

    /** The same, for a rule set known by its version and its files. */
    Version accepted(String ruleSetVersion, List<RuleFile> sources, String actor, RuleAction action,
                     Trigger trigger, String message, List<String> files) {
        return inTransaction(() -> {
            Optional<Version> newest = newest();
            Version version = newest.filter(kept -> kept.ruleSet().equals(ruleSetVersion))
                    .orElseGet(() -> record(next(newest), newest, ruleSetVersion, sources, actor, trigger, message));
            audit(new Entry(clock.instant(), actor, action.word(), List.copyOf(files), true, version.id(), null));
            return version;
        });
    }

    /** A change whose version is written already (published for the fleet, or adopted from it): its audit line. */
    public void acceptedAs(String version, String actor, RuleAction action, List<String> files) {
        transactions.executeWithoutResult(status ->
                audit(new Entry(clock.instant(), actor, action.word(), List.copyOf(files), true, version, null)));
    }

    /**
     * A change that was refused, and why. The refusal is answered as it would be whatever happens here: a database
     * that does not take the line is said in the service's log.
     */
    public void refused(String actor, RuleAction action, List<String> files, String reason) {
        try {
            transactions.executeWithoutResult(status ->
                    audit(new Entry(clock.instant(), actor, action.word(), List.copyOf(files), false, null, reason)));
        } catch (org.springframework.dao.DataAccessException e) {
            LOG.error("cannot write the audit log: {} {} {} refused ({}): {}", actor, action, files, reason,
                    e.getMessage());
        }
    }

    /** Every version kept, newest first. */
    public List<Version> versions() {
        // Every version's files in one query, not one query a version.
        Map<String, Map<String, String>> files = new java.util.HashMap<>();
        jdbc.sql("SELECT version_number, name, sha256 FROM rule_version_file").query(
                (org.springframework.jdbc.core.RowCallbackHandler) row -> files.computeIfAbsent(
                        "v" + row.getLong("version_number"), id -> new TreeMap<>())
                        .put(row.getString("name"), row.getString("sha256")));
        return jdbc.sql(VERSION + "ORDER BY number DESC").query(this::version).list().stream()
                .map(version -> withFiles(version, files.getOrDefault(version.id(), Map.of()))).toList();
    }

    public Optional<Version> find(String id) {
        Long number = number(id);
        if (number == null) {
            return Optional.empty();
        }
        return jdbc.sql(VERSION + "WHERE number = ?").param(number).query(this::version).optional()
                .map(this::withFiles);
    }

    /** The version kept just before this one, whose files a diff compares with; empty for the oldest kept. */
    public Optional<Version> before(String id) {
        Long number = number(id);
        if (number == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT MAX(number) FROM rule_version WHERE number < ?").param(number).query(Long.class)
                .optional().flatMap(previous -> find("v" + previous));
    }

    /** The files of a version, as they were. */
    public List<RuleFile> files(Version version) {
        List<RuleFile> files = new ArrayList<>();
        jdbc.sql("SELECT f.name, c.content FROM rule_version_file f JOIN rule_file_content c ON c.sha256 = f.sha256 "
                        + "WHERE f.version_number = ? ORDER BY f.name").param(number(version.id()))
                .query((row, n) -> new RuleFile(row.getString("name"), row.getString("content"))).list()
                .forEach(files::add);
        return files;
    }

    /** Every audit line kept, oldest first. */
    public List<Entry> audit() {
        return jdbc.sql("SELECT at, actor, action, files, accepted, version, reason FROM rule_audit ORDER BY id")
                .query((row, n) -> new Entry(row.getTimestamp("at").toInstant(), row.getString("actor"),
                        row.getString("action"), Json.PLAIN.readValue(row.getString("files"), NAMES),
                        row.getBoolean("accepted"), row.getString("version"), row.getString("reason")))
                .list();
    }

    /** The bytes of file content the kept versions hold, each content counted once. */
    public long bytes() {
        return jdbc.sql("SELECT COALESCE(SUM(size), 0) FROM rule_file_content").query(Long.class).single();
    }

    /**
     * Brings the history an earlier build kept on disk ({@code rules/.history}: a JSON-lines log of versions, their
     * contents by hash, the audit log) into the database, once per rules directory and only into an empty history:
     * a replica that finds the database's history begun keeps that one. The files stay where they are, unread
     * from then on.
     *
     * @return the versions imported
     */
    public int importFrom(Path rules) {
        Path history = rules.resolve(".history");
        Path log = history.resolve("versions/versions.jsonl");
        String directory = rules.toAbsolutePath().normalize().toString();
        boolean done = jdbc.sql("SELECT COUNT(*) FROM rule_history_import WHERE directory = ?").param(directory)
                .query(Long.class).single() > 0;
        if (done || !Files.isRegularFile(log)) {
            return 0;
        }
        return inTransaction(() -> {
            boolean begun = jdbc.sql("SELECT COUNT(*) FROM rule_version").query(Long.class).single() > 0;
            List<Version> versions = begun ? List.of() : readLines(log, Version.class);
            List<Entry> entries = begun ? List.of() : readLines(history.resolve("audit/audit.jsonl"), Entry.class);
            for (Version version : versions) {
                long number = number(version.id());
                jdbc.sql("INSERT INTO rule_version (number, at, actor, trigger_name, message, rule_set, changed) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(number, Timestamp.from(version.at()), version.actor(), version.trigger(),
                                version.message(), version.ruleSet(), Json.PLAIN.writeValueAsString(version.changed()))
                        .update();
                version.files().forEach((name, hash) -> jdbc.sql("INSERT INTO rule_version_file (version_number, "
                        + "name, sha256) VALUES (?, ?, ?)").params(number, name, keep(blob(history, hash))).update());
            }
            entries.forEach(this::audit);
            jdbc.sql("INSERT INTO rule_history_import (directory, imported_at, versions, entries) VALUES (?, ?, ?, ?)")
                    .params(directory, Timestamp.from(clock.instant()), versions.size(), entries.size()).update();
            return versions.size();
        });
    }

    private static <T> List<T> readLines(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                    .map(line -> Json.PLAIN.readValue(line, type)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule history in " + file, e);
        }
    }

    private static String blob(Path history, String hash) {
        try {
            return Files.readString(history.resolve("versions/blobs").resolve(hash), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the rule history on disk lost a file's content (" + hash + ")", e);
        }
    }

    /**
     * Writes a rule set as version {@code number} for the whole fleet, the number after the version the publishing
     * replica runs (shared rules): of two replicas publishing the same number at once, the second gets a
     * {@link DuplicateKeyException} and writes nothing. Joins the caller's transaction.
     */
    public Version publish(long number, RuleSet ruleSet, String actor, Trigger trigger, String message) {
        return transactions.execute(status -> record(number, find("v" + (number - 1)), ruleSet.version(),
                ruleSet.sources(), actor, trigger, message));
    }

    /** The newest version, with its files' hashes; empty before any. */
    public Optional<Version> newest() {
        return jdbc.sql("SELECT MAX(number) FROM rule_version").query(Long.class).optional()
                .flatMap(number -> find("v" + number));
    }

    /** The newest version's number; 0 before any. A replica's wake-up reads this, not the files. */
    public long newestNumber() {
        return jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM rule_version").query(Long.class).single();
    }

    private static long next(Optional<Version> newest) {
        return newest.map(version -> number(version.id()) + 1).orElse(1L);
    }

    /**
     * Writes a version under its number: a replica that wrote the number first makes {@link #started} and
     * {@link #accepted} try the next (their transaction is retried whole), and {@link #publish} fail.
     */
    private Version record(long number, Optional<Version> last, String ruleSetVersion, List<RuleFile> sources,
                           String actor, Trigger trigger, String message) {
        Map<String, String> files = new TreeMap<>();
        for (RuleFile file : sources) {
            files.put(file.name(), keep(file.content()));
        }
        List<String> changed = changed(last.map(Version::files).orElse(Map.of()), files);
        jdbc.sql("INSERT INTO rule_version (number, at, actor, trigger_name, message, rule_set, changed) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(number, Timestamp.from(clock.instant()), actor, trigger.word(), message, ruleSetVersion,
                        Json.PLAIN.writeValueAsString(changed))
                .update();
        files.forEach((name, hash) -> jdbc.sql("INSERT INTO rule_version_file (version_number, name, sha256) "
                + "VALUES (?, ?, ?)").params(number, name, hash).update());
        prune(number);
        return new Version("v" + number, clock.instant(), actor, trigger.word(), message, ruleSetVersion, changed,
                files);
    }

    private void audit(Entry entry) {
        jdbc.sql("INSERT INTO rule_audit (at, actor, action, files, accepted, version, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(entry.at()), entry.actor(), entry.action(),
                        Json.PLAIN.writeValueAsString(entry.files()), entry.accepted(), entry.version(),
                        entry.reason())
                .update();
        Instant oldest = clock.instant().minus(retention.maxAge());
        jdbc.sql("DELETE FROM rule_audit WHERE at < ?").param(Timestamp.from(oldest)).update();
        jdbc.sql("DELETE FROM rule_audit WHERE id <= (SELECT MAX(id) FROM rule_audit) - ?").param(MAX_ENTRIES)
                .update();
    }

    /** A content stored once: a second version naming it adds a row, not the text again. */
    private String keep(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String hash = sha256(bytes);
        boolean stored = jdbc.sql("SELECT COUNT(*) FROM rule_file_content WHERE sha256 = ?").param(hash)
                .query(Long.class).single() > 0;
        if (!stored) {
            jdbc.sql("INSERT INTO rule_file_content (sha256, content, size) VALUES (?, ?, ?)")
                    .params(hash, content, (long) bytes.length).update();
        }
        return hash;
    }

    /**
     * Drops the oldest versions past the age or the count (never the newest), then, while the contents the rest
     * name come to more than the bytes allowed, the oldest of those too; then the contents no version names.
     */
    private void prune(long newest) {
        Instant oldest = clock.instant().minus(retention.maxAge());
        jdbc.sql("DELETE FROM rule_version WHERE number < ? AND (at < ? OR number <= ?)")
                .params(newest, Timestamp.from(oldest), newest - retention.maxVersions())
                .update();
        dropUnnamedContents();
        while (bytes() > retention.maxBytes()) {
            Long oldestKept = jdbc.sql("SELECT MIN(number) FROM rule_version WHERE number < ?").param(newest)
                    .query(Long.class).optional().orElse(null);
            if (oldestKept == null) {
                break;
            }
            jdbc.sql("DELETE FROM rule_version WHERE number = ?").param(oldestKept).update();
            dropUnnamedContents();
        }
    }

    private void dropUnnamedContents() {
        jdbc.sql("DELETE FROM rule_file_content WHERE sha256 NOT IN (SELECT sha256 FROM rule_version_file)").update();
    }

    /** A version's row, without its files. */
    private Version version(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new Version("v" + row.getLong("number"), row.getTimestamp("at").toInstant(), row.getString("actor"),
                row.getString("trigger_name"), row.getString("message"), row.getString("rule_set"),
                Json.PLAIN.readValue(row.getString("changed"), NAMES), Map.of());
    }

    private Version withFiles(Version version) {
        Map<String, String> files = new TreeMap<>();
        jdbc.sql("SELECT name, sha256 FROM rule_version_file WHERE version_number = ?").param(number(version.id()))
                .query((row, n) -> Map.entry(row.getString("name"), row.getString("sha256"))).list()
                .forEach(file -> files.put(file.getKey(), file.getValue()));
        return withFiles(version, files);
    }

    private static Version withFiles(Version version, Map<String, String> files) {
        return new Version(version.id(), version.at(), version.actor(), version.trigger(), version.message(),
                version.ruleSet(), version.changed(), files);
    }

    /** Retried whole when another replica took the version number first. */
    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (DuplicateKeyException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        return names.stream().filter(name -> !Objects.equals(before.get(name), after.get(name))).toList();
    }

    /** The number of {@code v12}; null for anything else. */
    private static Long number(String id) {
        if (id == null || !id.matches("v[1-9][0-9]{0,17}")) {
            return null;
        }
        return Long.parseLong(id.substring(1));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
