package com.healthadvisor.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** How many methods another JVM's JIT has compiled so far, from the JDK's {@code jstat -compiler}. */
final class JitCompilations {

    private static final Path JSTAT = Path.of(System.getProperty("java.home"), "bin", "jstat");

    private JitCompilations() {
    }

    /** Empty where this is a runtime without jstat, or the JVM cannot be read. */
    static OptionalLong count(long pid) {
        if (!Files.isExecutable(JSTAT)) {
            return OptionalLong.empty();
        }
        try {
            Process jstat = new ProcessBuilder(JSTAT.toString(), "-compiler", String.valueOf(pid))
                    .redirectErrorStream(true).start();
            String output = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jstat.waitFor(10, TimeUnit.SECONDS) || jstat.exitValue() != 0) {
                return OptionalLong.empty();
            }
            return parse(output);
        } catch (java.io.IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** The first figure of the second line: {@code Compiled Failed Invalid Time ...} then the values. */
    static OptionalLong parse(String output) {
        String[] lines = output.strip().split("\\R");
        if (lines.length < 2 || !lines[0].strip().startsWith("Compiled")) {
            return OptionalLong.empty();
        }
        String[] values = lines[1].strip().split("\\s+");
        try {
            return OptionalLong.of(Long.parseLong(values[0]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
