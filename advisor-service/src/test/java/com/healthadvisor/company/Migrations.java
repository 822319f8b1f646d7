package com.healthadvisor.company;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The migrations this build ships, read from its sources: tests name the newest without being edited for each. */
public final class Migrations {

    private static final Path DIRECTORY = Path.of("advisor-service/src/main/resources/db/migration");

    private Migrations() {
    }

    /** The newest migration's version, as Flyway writes it ("7"). */
    public static String newest() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return String.valueOf(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
