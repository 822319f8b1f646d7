package com.healthadvisor.ruleset;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compiled DRL kept on disk between runs, so that the command line and an embedding program do not compile the
 * same rules again at every start (4 seconds of the 4.5 a {@code diagnose} took). An entry holds the rule packages
 * Drools built from the DRL files, generated rule classes included, and is found by a key made of those files'
 * content, this build of the advisor and the Java runtime: a change to any of them misses, and the rules are
 * compiled and stored anew. Beside it, once the whole rule set has passed, the DRL files' inspections (what the
 * allow-list and the checks found: rules, codes, notes), keyed also by the benchmarks and limits they were checked
 * against, so that the same files are not parsed and checked again either.
 *
 * <p>An entry is code the process will run, so it is used only when nobody else could have written it: the
 * directory and the file must belong to the user running the advisor, be writable by nobody else and be no link.
 * Its bytes must match the SHA-256 written beside them (a torn or corrupt file misses), and only the classes of a
 * rule package may be read back from it. The generated rule classes load under the {@link RuleClassFence} as
 * those of a fresh compile do. An entry that fails any of this is ignored and rebuilt, never repaired or trusted.
 * A new entry is written to a temporary file and moved into place, so processes compiling the same rules at once
 * each leave a whole entry, never a mix.
 *
 * <p>Where: {@code advisor.rule-cache} (a system property) or {@code ADVISOR_RULE_CACHE}, a directory or
 * {@code off}; else {@code $XDG_CACHE_HOME/health-advisor/rules}, else {@code ~/.cache/health-advisor/rules}.
 */
public final class CompiledRuleCache {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRuleCache.class);
    private static final byte[] MAGIC = "health-advisor compiled rules 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INSPECTED = "health-advisor inspected rules 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;
    /** Entries kept: an analyst switching between a few rule directories keeps them all; older ones go. */
    private static final int KEPT = 16;
    private static final Set<PosixFilePermission> OTHERS_WRITE = EnumSet.of(
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    /**
     * What an entry may hold: Drools' rule packages and what they are made of, MVEL's compiled expressions, the
     * fact types, and the JDK's collections and values. Anything else, the usual way of turning a deserialized
     * stream into a call, is refused before its class is even loaded.
     */
    private static final ObjectInputFilter ONLY_RULE_PACKAGES = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;org.drools.**;org.kie.**;org.mvel2.**;com.healthadvisor.facts.*;java.lang.*;java.util.*;"
                    + "java.util.concurrent.*;java.util.concurrent.atomic.*;java.util.concurrent.locks.*;java.math.*;java.time.*;!*");

    private final Path directory;
    private final String build;
    private volatile boolean unwritableSaid;

    private CompiledRuleCache(Path directory) {
        this.directory = directory;
        this.build = buildIdentity();
    }

    /** The cache in the given directory, made (owner only) when first written. */
    public static CompiledRuleCache in(Path directory) {
        return new CompiledRuleCache(directory.toAbsolutePath().normalize());
    }

    /** The cache the settings name (see the class's comment), or empty when they say {@code off}. */
    public static Optional<CompiledRuleCache> standard() {
        String setting = Optional.ofNullable(System.getProperty("advisor.rule-cache"))
                .orElse(System.getenv("ADVISOR_RULE_CACHE"));
        if (setting != null && !setting.isBlank()) {
            return setting.strip().equalsIgnoreCase("off") ? Optional.empty()
                    : Optional.of(in(Path.of(setting.strip())));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path home = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return Optional.of(in(home.resolve("health-advisor").resolve("rules")));
    }

    public Path directory() {
        return directory;
    }

    /** The packages stored for DRL files of this digest, if a whole, trusted entry holds them. */
    Optional<Collection<KiePackage>> read(String drlDigest, ClassLoader classes) {
        Path entry = entry(drlDigest);
        try {
            Optional<byte[]> payload = payload(entry, MAGIC, "compiled rules");
            return payload.isEmpty() ? Optional.empty() : Optional.of(packages(payload.get(), classes));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("ignoring the compiled rules in {}: {}; compiling again", entry, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The inspections stored for DRL files of this digest checked against these benchmarks and limits, if a whole,
     * trusted entry holds them: every file's passed when they were stored, by this build of the advisor, so the
     * same files need not be parsed and checked again. Trusted as the compile beside them is, for the same reasons.
     */
    Optional<Map<String, DrlInspector.Inspection>> inspections(String drlDigest, String checkedAgainst) {
        Path entry = inspectionsEntry(drlDigest, checkedAgainst);
        try {
            Optional<byte[]> payload = payload(entry, INSPECTED, "inspected rules");
            return payload.isEmpty() ? Optional.empty() : Optional.of(StoredInspections.read(payload.get()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the inspected rules in {}: {}; inspecting again", entry, e.toString());
            return Optional.empty();
        }
    }

    /** Stores the packages of a compile; a cache that cannot be written is only slower, so it only logs. */
    void write(String drlDigest, Collection<KiePackage> packages) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(new ArrayList<>(packages));
            }
            store(entry(drlDigest), MAGIC, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            unwritable(e);
        }
    }

    /** Stores the inspections of DRL files that all passed them, beside their compile. */
    void writeInspections(String drlDigest, String checkedAgainst, Map<String, DrlInspector.Inspection> passed) {
        try {
            store(inspectionsEntry(drlDigest, checkedAgainst), INSPECTED, StoredInspections.write(passed));
        } catch (IOException | RuntimeException e) {
            unwritable(e);
        }
    }

    /** An entry's payload when the file is there, the user's own alone, and whole; else empty (said when not). */
    private Optional<byte[]> payload(Path entry, byte[] magic, String what) throws IOException {
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!ownedByMeAlone(directory) || !ownedByMeAlone(entry)) {
            LOG.warn("ignoring the {} in {}: the directory or the file is not the user's own, or others may write it",
                    what, entry);
            return Optional.empty();
        }
        byte[] payload = payloadOf(Files.readAllBytes(entry), magic);
        if (payload == null) {
            LOG.warn("ignoring the {} in {}: the file is not whole; doing it again", what, entry);
        }
        return Optional.ofNullable(payload);
    }

    private void store(Path entry, byte[] magic, byte[] payload) throws IOException {
        makeDirectory();
        Path temporary = Files.createTempFile(directory, "entry", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temporary, entryBytes(magic, payload));
            move(temporary, entry);
        } finally {
            Files.deleteIfExists(temporary);
        }
        prune(".rules");
        prune(".inspected");
    }

    private void unwritable(Exception e) {
        // A read-only home (a container's) would say this at every change: once is enough.
        if (!unwritableSaid) {
            unwritableSaid = true;
            LOG.warn("could not store the compiled rules in {} (set ADVISOR_RULE_CACHE to another directory, or "
                    + "off): {}", directory, e.toString());
        }
    }

    private Path entry(String drlDigest) {
        return directory.resolve(sha256Hex(drlDigest + "\0" + build) + ".rules");
    }

    private Path inspectionsEntry(String drlDigest, String checkedAgainst) {
        return directory.resolve(sha256Hex(drlDigest + "\0" + checkedAgainst + "\0" + build) + ".inspected");
    }

    private static byte[] entryBytes(byte[] magic, byte[] payload) {
        byte[] all = new byte[magic.length + DIGEST_BYTES + payload.length];
        System.arraycopy(magic, 0, all, 0, magic.length);
        System.arraycopy(sha256(payload), 0, all, magic.length, DIGEST_BYTES);
        System.arraycopy(payload, 0, all, magic.length + DIGEST_BYTES, payload.length);
        return all;
    }

    /** The payload of an entry's bytes, or null when they do not start as such an entry does or miss their hash. */
    private static byte[] payloadOf(byte[] entry, byte[] magic) {
        int start = magic.length + DIGEST_BYTES;
        if (entry.length <= start || !Arrays.equals(entry, 0, magic.length, magic, 0, magic.length)) {
            return null;
        }
        byte[] payload = Arrays.copyOfRange(entry, start, entry.length);
        return MessageDigest.isEqual(sha256(payload), Arrays.copyOfRange(entry, magic.length, start)) ? payload : null;
    }

    @SuppressWarnings("unchecked")
    private static Collection<KiePackage> packages(byte[] payload, ClassLoader classes)
            throws IOException, ClassNotFoundException {
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload), classes)) {
            in.setObjectInputFilter(ONLY_RULE_PACKAGES);
            return (Collection<KiePackage>) in.readObject();
        }
    }

    private void makeDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: the ownership check on reading decides whether it is used
            }
        }
    }

    /** Another process may have moved its entry for the same rules here first: either whole file will do. */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Keeps the newest entries of a kind; one in use stays readable, since it was read whole at the start. */
    private void prune(String suffix) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(directory)) {
            entries = files.filter(path -> path.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.comparing(CompiledRuleCache::lastModified).reversed()).toList();
        }
        for (Path old : entries.subList(Math.min(KEPT, entries.size()), entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The user's own, no link, and writable by nobody else; false where the file system cannot say. */
    private static boolean ownedByMeAlone(Path path) throws IOException {
        if (!Files.getFileStore(path).supportsFileAttributeView("posix")) {
            return false;
        }
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        return !attributes.isSymbolicLink()
                && attributes.owner().getName().equals(System.getProperty("user.name"))
                && attributes.permissions().stream().noneMatch(OTHERS_WRITE::contains);
    }

    /**
     * What else an entry depends on: the advisor's build (a snapshot build changes its classes without changing its
     * version), Drools' jars and the Java runtime.
     */
    private static String buildIdentity() {
        return String.join("\0", "format 1", Runtime.version().toString(),
                codeOf(org.kie.api.KieBase.class), codeOf(org.drools.base.common.DroolsObjectInputStream.class),
                factClasses());
    }

    private static String codeOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? type.getName() : source.getLocation().toString();
    }

    /**
     * The build of the fact types and of the checks that inspect the DRL: their jar's name, size and time (a rebuilt
     * jar is another), or in a build's classes directory a hash of their class files.
     */
    private static String factClasses() {
        CodeSource source = com.healthadvisor.facts.Metric.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return "unknown";
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location + " " + Files.size(location) + " " + Files.getLastModifiedTime(location).toMillis();
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String folder : List.of("com/healthadvisor/facts", "com/healthadvisor/ruleset")) {
                try (Stream<Path> files = Files.list(location.resolve(folder))) {
                    for (Path file : files.sorted().toList()) {
                        digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            // no way to tell this build from another: a key no other process makes, so nothing is shared
            return "unread " + System.nanoTime() + " " + ProcessHandle.current().pid();
        }
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8))).toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
