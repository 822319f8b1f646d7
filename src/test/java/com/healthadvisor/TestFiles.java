package com.healthadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the repository's rules and fixtures for tests that change or serve them. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Copies the regular files of {@code from} whose names match {@code names} into {@code to}, made if need be. */
    public static Path copy(Path from, Path to, String names) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().matches(names))
                        .toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
