package com.healthadvisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Maven through the project's wrapper, for the tests that build a project of their own on this one's jars. */
public final class MavenWrapper {

    public static final Path PROJECT = Path.of("").toAbsolutePath();
    private static boolean coreInstalled;

    private MavenWrapper() {
    }

    /** Runs {@code mvnw -B} with the arguments in a directory; fails on a non-zero exit, with the output. */
    public static String run(Path directory, Duration within, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(PROJECT.resolve("mvnw").toString(), "-B"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(within.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /**
     * The core's jar this build made, with the parent pom it names, in the local Maven repository (once per test
     * JVM), as {@code install} puts them: what a program that embeds the advisor, or the portfolio job, depends on.
     */
    public static synchronized void installCore() throws Exception {
        if (!coreInstalled) {
            Path jar = PROJECT.resolve("advisor-core/target").resolve("advisor-core-" + version() + ".jar");
            assertThat(jar).as("the core's jar: run the tests with ./mvnw verify, which packages it first").exists();
            run(PROJECT, Duration.ofMinutes(5), "-q", "install:install-file", "-Dfile=pom.xml", "-DpomFile=pom.xml",
                    "-Dpackaging=pom");
            run(PROJECT, Duration.ofMinutes(5), "-q", "install:install-file", "-Dfile=" + jar,
                    "-DpomFile=advisor-core/pom.xml");
            coreInstalled = true;
        }
    }

    /** The project's version, as the root pom states it. */
    public static String version() throws Exception {
        String pom = java.nio.file.Files.readString(PROJECT.resolve("pom.xml"));
        int artifact = pom.indexOf("<artifactId>health-advisor-parent</artifactId>");
        int start = pom.indexOf("<version>", artifact) + "<version>".length();
        return pom.substring(start, pom.indexOf("</version>", start));
    }
}
