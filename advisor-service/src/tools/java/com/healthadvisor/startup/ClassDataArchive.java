package com.healthadvisor.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Lays the service out in {@code target/service} with the class-data archive it starts with: the JVM maps
 * the classes of Spring, Tomcat, Jackson and Drools from one file instead of reading, verifying and parsing
 * thousands of class files, which halves the start-up. The build runs it at package time. The fat jar is
 * extracted first (a thin jar and {@code lib/}) so that the application class loader loads every class:
 * on Java 17 the archive holds only that loader's classes, never those a fat jar loads from nested jars.
 *
 * <p>The classes are those the service loads from its start until it has answered a diagnosis in each
 * format, and those {@code diagnose} loads from the command line, compiling its rules and then reading them from
 * the compiled-rules cache. The commands have an archive of their own ({@link #CLI_ARCHIVE}) with the latter only:
 * the JVM relocates an archive's every page at start, so a smaller one starts a command sooner. Both train on a copy of the rules and a cache of their own, so that building leaves
 * nothing behind in the checkout or the user's cache. The archive belongs to this JDK and to these jar files where
 * they are: after either changes, the JVM silently starts without it, as fast as a plain start.
 *
 * <p>Building it takes most of a {@code package}, so it is built only when its inputs changed: the fat jar's
 * entries (names and checksums, not times), the training's rules and snapshot, and the JDK. Otherwise the
 * service directory is left as it is (extracting again would give its jars new times, which the archive checks)
 * and the archive's time is renewed, so that {@code health-advisor} still takes it as the newest build's.
 */
public final class ClassDataArchive {

    public static final String ARCHIVE = "health-advisor.jsa";
    /**
     * The commands' own archive: only what the command line loads (45 MB against the service's 114), which the JVM
     * maps and relocates in a fifth of a second less at every call.
     */
    public static final String CLI_ARCHIVE = "health-advisor-cli.jsa";
    public static final String JAR = "health-advisor.jar";
    private static final String INPUTS = "health-advisor.inputs";

    private ClassDataArchive() {
    }

    /** {@code ClassDataArchive FAT_JAR SERVICE_DIR RULES_DIR SNAPSHOT}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ClassDataArchive FAT_JAR SERVICE_DIR RULES_DIR SNAPSHOT");
            System.exit(2);
        }
        Path service = Path.of(args[1]).toAbsolutePath();
        Path fatJar = Path.of(args[0]).toAbsolutePath();
        long start = System.nanoTime();
        String inputs = inputs(fatJar, Path.of(args[2]), Path.of(args[3]));
        Path recorded = service.resolve(INPUTS);
        if (Files.isRegularFile(service.resolve(ARCHIVE)) && Files.isRegularFile(service.resolve(CLI_ARCHIVE))
                && Files.isRegularFile(recorded) && Files.readString(recorded).equals(inputs)) {
            Files.setLastModifiedTime(service.resolve(ARCHIVE), FileTime.from(Instant.now()));
            Files.setLastModifiedTime(service.resolve(CLI_ARCHIVE), FileTime.from(Instant.now()));
            System.out.println("class-data archive: unchanged inputs, kept " + service.resolve(ARCHIVE));
            return;
        }
        extract(fatJar, service);
        Path archive = write(service, Path.of(args[2]).toAbsolutePath(), Path.of(args[3]).toAbsolutePath());
        Files.writeString(recorded, inputs);
        System.out.printf(Locale.ROOT, "class-data archive: %s, %d MB, in %.1f s%n", archive,
                Files.size(archive) / 1_048_576, (System.nanoTime() - start) / 1e9);
    }

    /** The archive built for a jar: beside it when it is the thin jar, in {@code service/} beside a fat jar. */
    public static Optional<Path> besideJar(Path jar) {
        Path directory = jar.toAbsolutePath().getParent();
        return Stream.of(directory.resolve(ARCHIVE), directory.resolve("service").resolve(ARCHIVE))
                .filter(Files::isRegularFile).findFirst();
    }

    /** Replaces the service directory with the fat jar's thin jar and its {@code lib/}, by Spring Boot's own tool. */
    static void extract(Path fatJar, Path service) throws IOException, InterruptedException {
        if (Files.exists(service)) {
            delete(service);
        }
        Files.createDirectories(service.getParent());
        java(Files.createTempFile("advisor-extract", ".log"), "-Djarmode=tools", "-jar", fatJar.toString(), "extract",
                "--destination", service.toString());
    }

    /** Records the classes a start and first diagnoses load, dumps them into the archive, and checks that it maps. */
    static Path write(Path service, Path rulesToCopy, Path snapshotFile) throws Exception {
        Path jar = service.resolve(JAR);
        Path loaded = service.resolve("health-advisor.classlist");
        Path archive = service.resolve(ARCHIVE);
        Files.deleteIfExists(archive);
        // A database, rules and a compiled-rules cache of its own, so that building leaves nothing behind.
        Path training = Files.createTempDirectory("advisor-archive");
        Path rules = copyRules(rulesToCopy, training.resolve("rules"));
        String cache = "-Dadvisor.rule-cache=" + training.resolve("cache");
        String snapshot = Files.readString(snapshotFile);
        try (ServiceProcess process = ServiceProcess.start(jar, rules, List.of("-XX:DumpLoadedClassList=" + loaded, cache),
                java.util.Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + training.resolve("db").resolve("advisor")))) {
            for (String format : List.of("application/json", "text/markdown", "text/html")) {
                process.diagnose(snapshot, format);
            }
        }
        // The command line: once compiling (the service above stored nothing under another key), once from the cache,
        // and once for each report format.
        List<String> cliClasses = new ArrayList<>();
        Path cliLoaded = training.resolve("cli.classlist");
        for (List<String> command : List.of(List.of("diagnose", snapshotFile.toString()),
                List.of("diagnose", snapshotFile.toString()), List.of("diagnose", snapshotFile.toString(), "--format",
                        "markdown"), List.of("diagnose", snapshotFile.toString(), "--format", "html"))) {
            List<String> options = new ArrayList<>(List.of("-XX:DumpLoadedClassList=" + cliLoaded, cache, "-jar",
                    jar.toString()));
            options.addAll(command);
            options.addAll(List.of("--rules", rules.toString()));
            java(training.resolve("diagnose.log"), options.toArray(String[]::new));
            cliClasses.addAll(Files.readAllLines(cliLoaded));
        }
        List<String> classes = new ArrayList<>(Files.readAllLines(loaded));
        classes.addAll(cliClasses);
        dump(service, jar, loaded, classes, archive);
        dump(service, jar, training.resolve("cli-all.classlist"), cliClasses, service.resolve(CLI_ARCHIVE));
        delete(training);
        return archive;
    }

    /**
     * An archive of the classes listed, checked: -Xshare:on makes a JVM that cannot map the archive refuse to start,
     * where a user's start would go on without it.
     */
    private static void dump(Path service, Path jar, Path list, List<String> classes, Path archive)
            throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        Files.write(list, new ArrayList<>(new LinkedHashSet<>(classes)));
        dump(list, jar.toString(), archive, service.resolve("dump.log"));
        java(service.resolve("check.log"), "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(),
                "--version");
    }

    /**
     * An archive of the classes a training start listed ({@code -XX:DumpLoadedClassList}), for a class path of jars:
     * the service's, or the bench's bare application's. The list is made {@link #archivable} first.
     *
     * @param log where the dump's output goes; deleted when it succeeds
     */
    public static void dump(Path list, String classPath, Path archive, Path log) throws IOException,
            InterruptedException {
        Files.write(list, archivable(Files.readAllLines(list)));
        java(log, "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + archive,
                "-cp", classPath);
    }

    /** What the archive is made from: the fat jar's entries by name and checksum, the training's files, the JDK. */
    static String inputs(Path fatJar, Path rules, Path snapshot) throws IOException {
        MessageDigest digest = sha256();
        try (ZipFile zip = new ZipFile(fatJar.toFile())) {
            zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).forEach(entry ->
                    digest.update((entry.getName() + " " + entry.getCrc() + " " + entry.getSize() + "\n")
                            .getBytes(StandardCharsets.UTF_8)));
        }
        try (Stream<Path> files = Files.list(rules)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        digest.update(Files.readAllBytes(snapshot));
        return Runtime.version() + " " + HexFormat.of().formatHex(digest.digest()) + "\n";
    }

    /** The rule set's files only (a checkout's rules may hold other things). */
    private static Path copyRules(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Java 17's archive writer crashes on some lambda proxy classes (a SIGSEGV in
     * {@code adjust_lambda_proxy_class_dictionary}), so lambdas are left out: the JVM spins them at start,
     * as it does without an archive.
     */
    static List<String> archivable(List<String> loadedClasses) {
        return loadedClasses.stream().filter(line -> !line.startsWith("@lambda-proxy")).toList();
    }

    private static void java(Path log, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
        Files.delete(log);
    }
}
