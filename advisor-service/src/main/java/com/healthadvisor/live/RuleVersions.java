package com.healthadvisor.live;

import com.healthadvisor.json.Json;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every rule set that went live, as a version: a number, when, who, why, which files it changed and the content of
 * each of its files. Versions are one JSON line each in {@code rules/.history/versions/versions.jsonl} (append
 * only); file contents are kept once each under {@code blobs/}, named by their SHA-256. Kept as long as the
 * replaced files are ({@code advisor.history-max-age}, {@code advisor.history-max-versions}), always the active one.
 */
public final class RuleVersions {

    /**
     * One version.
     *
     * @param id       {@code v1}, {@code v2}, ... in the order they went live
     * @param ruleSet  the rule set's own version (a hash of its files): a restore gives a new id and the old hash
     * @param trigger  {@code startup}, {@code disk}, {@code api} or {@code restore}
     * @param changed  the files added, replaced or removed against the version before
     * @param files    every file of the set, by name, as the SHA-256 of its content
     */
    public record Version(String id, Instant at, String actor, String trigger, String message, String ruleSet,
                          List<String> changed, Map<String, String> files) {
    }

    private final Path directory;
    private final Path log;
    private final Path blobs;
    private final Duration maxAge;
    private final int maxVersions;
    private final Clock clock;

    public RuleVersions(Path rules, Duration maxAge, int maxVersions, Clock clock) {
        this.directory = rules.resolve(RuleHistory.DIRECTORY).resolve("versions");
        this.log = directory.resolve("versions.jsonl");
        this.blobs = directory.resolve("blobs");
        this.maxAge = maxAge;
        this.maxVersions = maxVersions;
        this.clock = clock;
    }

    /** Records a rule set that went live, unless it is the one the last version recorded (a restart, an echo). */
    public synchronized Version record(RuleSet ruleSet, String actor, String trigger, String message) {
        List<Version> all = list();
        Version last = all.isEmpty() ? null : all.get(0);
        if (last != null && last.ruleSet().equals(ruleSet.version()) && trigger.equals("startup")) {
            return last;
        }
        Map<String, String> files = new TreeMap<>();
        for (RuleFile file : ruleSet.sources()) {
            files.put(file.name(), keep(file.content()));
        }
        Version version = new Version("v" + (last == null ? 1 : number(last) + 1), clock.instant(), actor, trigger,
                message, ruleSet.version(), changed(last == null ? Map.of() : last.files(), files), files);
        append(version);
        prune(all, version);
        return version;
    }

    /** Every version kept, newest first. */
    public synchronized List<Version> list() {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<Version> versions = new ArrayList<>(lines.filter(line -> !line.isBlank())
                    .map(line -> Json.PLAIN.readValue(line, Version.class)).toList());
            java.util.Collections.reverse(versions);
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    public Optional<Version> find(String id) {
        return list().stream().filter(version -> version.id().equals(id)).findFirst();
    }

    /** The files of a version, as they were. */
    /** The version kept just before this one, whose files a diff compares with; empty for the oldest kept. */
    public Optional<Version> before(String id) {
        return list().stream().dropWhile(version -> !version.id().equals(id)).skip(1).findFirst();
    }

    public List<RuleFile> files(Version version) {
        List<RuleFile> files = new ArrayList<>();
        version.files().forEach((name, hash) -> {
            try {
                files.add(new RuleFile(name, Files.readString(blobs.resolve(hash), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("version " + version.id() + " lost the content of " + name, e);
            }
        });
        return files;
    }

    private String keep(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String hash = sha256(bytes);
        Path blob = blobs.resolve(hash);
        try {
            if (!Files.exists(blob)) {
                RuleHistory.privateDirectory(blobs);
                Path temporary = Files.createTempFile(blobs, ".blob", ".tmp");
                Files.write(temporary, bytes);
                Files.move(temporary, blob, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a rule file under " + blobs, e);
        }
        return hash;
    }

    private void append(Version version) {
        try {
            RuleHistory.privateDirectory(directory);
            Files.writeString(log, Json.PLAIN.writeValueAsString(version) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            com.healthadvisor.files.PrivateFiles.file(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a version in " + log, e);
        }
    }

    /**
     * Drops versions past the age or the count (never the newest), then the contents no kept version names. A
     * version log is rewritten whole, through a temporary file, only when something is dropped.
     */
    private void prune(List<Version> before, Version newest) {
        Instant oldest = clock.instant().minus(maxAge);
        List<Version> kept = new ArrayList<>(List.of(newest));
        for (Version version : before) {
            if (kept.size() < maxVersions && !version.at().isBefore(oldest)) {
                kept.add(version);
            }
        }
        if (kept.size() == before.size() + 1) {
            return;
        }
        try {
            Path temporary = Files.createTempFile(directory, ".versions", ".tmp");
            List<String> lines = new ArrayList<>();
            for (int i = kept.size() - 1; i >= 0; i--) {
                lines.add(Json.PLAIN.writeValueAsString(kept.get(i)));
            }
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, log, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Set<String> named = kept.stream().flatMap(v -> v.files().values().stream()).collect(Collectors.toSet());
            try (Stream<Path> stored = Files.list(blobs)) {
                for (Path blob : stored.filter(b -> !named.contains(b.getFileName().toString())).toList()) {
                    Files.deleteIfExists(blob);
                }
            }
        } catch (IOException e) {
            // Pruning only saves space: the versions recorded stay correct without it.
        }
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> names = new java.util.TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        return names.stream().filter(name -> !java.util.Objects.equals(before.get(name), after.get(name))).toList();
    }

    private static int number(Version version) {
        return Integer.parseInt(version.id().substring(1));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
