package com.healthadvisor.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lays the service out in {@code target/service} with the class-data archive it starts with: the JVM maps
 * the classes of Spring, Tomcat, Jackson and Drools from one file instead of reading, verifying and parsing
 * thousands of class files, which halves the start-up. The build runs it at package time. The fat jar is
 * extracted first (a thin jar and {@code lib/}) so that the application class loader loads every class:
 * on Java 17 the archive holds only that loader's classes, never those a fat jar loads from nested jars.
 *
 * <p>The classes are those the service loads from its start until it has answered a diagnosis in each
 * format. The archive belongs to this JDK and to these jar files where they are: after either changes,
 * the JVM silently starts without it, as fast as a plain start.
 */
public final class ClassDataArchive {

    public static final String ARCHIVE = "health-advisor.jsa";
    public static final String JAR = "health-advisor.jar";

    private ClassDataArchive() {
    }

    /** {@code ClassDataArchive FAT_JAR SERVICE_DIR RULES_DIR SNAPSHOT}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ClassDataArchive FAT_JAR SERVICE_DIR RULES_DIR SNAPSHOT");
            System.exit(2);
        }
        Path service = Path.of(args[1]).toAbsolutePath();
        long start = System.nanoTime();
        extract(Path.of(args[0]).toAbsolutePath(), service);
        Path archive = write(service, Path.of(args[2]).toAbsolutePath(), Files.readString(Path.of(args[3])));
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
            try (Stream<Path> paths = Files.walk(service)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(service.getParent());
        java(Files.createTempFile("advisor-extract", ".log"), "-Djarmode=tools", "-jar", fatJar.toString(), "extract",
                "--destination", service.toString());
    }

    /** Records the classes a start and first diagnoses load, dumps them into the archive, and checks that it maps. */
    static Path write(Path service, Path rules, String snapshot) throws Exception {
        Path jar = service.resolve(JAR);
        Path loaded = service.resolve("health-advisor.classlist");
        Path archive = service.resolve(ARCHIVE);
        Files.deleteIfExists(archive);
        // A database of its own, so that building leaves no ./data behind.
        Path database = Files.createTempDirectory("advisor-archive-db");
        try (ServiceProcess process = ServiceProcess.start(jar, rules, List.of("-XX:DumpLoadedClassList=" + loaded),
                java.util.Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + database.resolve("advisor")))) {
            for (String format : List.of("application/json", "text/markdown", "text/html")) {
                process.diagnose(snapshot, format);
            }
        }
        Files.write(loaded, archivable(Files.readAllLines(loaded)));
        java(service.resolve("dump.log"), "-Xshare:dump", "-XX:SharedClassListFile=" + loaded,
                "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString());
        // -Xshare:on makes a JVM that cannot map the archive refuse to start, where a user's start would go on without it.
        java(service.resolve("check.log"), "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(), "--version");
        return archive;
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
