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
    private static boolean plainJarInstalled;

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

    /** The plain jar this build made, in the local Maven repository (once per test JVM), as `install` puts it. */
    public static synchronized void installPlainJar() throws Exception {
        if (!plainJarInstalled) {
            run(PROJECT, Duration.ofMinutes(5), "-q", "install:install-file", "-Dfile=target/health-advisor-plain.jar",
                    "-DpomFile=pom.xml", "-Dclassifier=plain");
            plainJarInstalled = true;
        }
    }
}
