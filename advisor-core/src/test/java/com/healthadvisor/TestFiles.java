package com.healthadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the repository's rules and fixtures for tests that change or serve them. */
public final class TestFiles {

    /**
     * Where this module's build writes (its {@code target/}): tests run from the repository's root, where rules/ and
     * fixtures/ are, so what they make goes here by name.
     */
    public static final Path BUILD = Path.of(System.getProperty("advisor.build", "target")).toAbsolutePath();

    /** The snapshots each reader must refuse, one problem each: the core's and the command line's tests share them. */
    public static final Path BAD_INPUT = Path.of("advisor-core/src/test/resources/bad-input");

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
