package com.healthadvisor.company;

import com.healthadvisor.files.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of an embedded H2 database, kept private: its files {@code 0600} once open, and its directory
 * {@code 0700} when the directory holds nothing else (the default {@code ./data}: a database put in a home
 * directory or {@code /tmp} leaves that directory as it is). Whoever can read the files reads every company; with no
 * server running (the default URL starts none), the file system is the database's only door.
 */
public final class H2Files {

    private H2Files() {
    }

    /** Before the database opens: its directory, made private if it is not there yet. */
    public static void beforeOpening(String jdbcUrl) {
        fileOf(jdbcUrl).map(Path::getParent).filter(directory -> !Files.exists(directory))
                .ifPresent(PrivateFiles::directory);
    }

    /** Once open: the database's files private (H2 writes them with the process's umask), and its own directory. */
    public static void afterOpening(String jdbcUrl) {
        fileOf(jdbcUrl).ifPresent(database -> {
            Path directory = database.getParent();
            List<Path> files = list(directory);
            String name = database.getFileName().toString() + ".";
            files.stream().filter(file -> file.getFileName().toString().startsWith(name)).forEach(PrivateFiles::file);
            if (files.stream().allMatch(file -> file.getFileName().toString().startsWith(name))) {
                PrivateFiles.directory(directory);
            }
        });
    }

    /**
     * The URL of an H2 file database made to write each commit to its file before the commit returns
     * ({@code WRITE_DELAY=0}): by default H2 writes committed changes up to half a second later, and a process
     * killed meanwhile loses them, though it answered that they were stored. Any other URL, or one that sets
     * {@code WRITE_DELAY} itself, is left as it is.
     */
    public static String durable(String jdbcUrl) {
        if (fileOf(jdbcUrl).isEmpty() || jdbcUrl.toUpperCase(Locale.ROOT).contains("WRITE_DELAY=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";WRITE_DELAY=0";
    }

    /** The base path of an H2 file database ({@code jdbc:h2:file:./data/advisor;...}), or empty for any other. */
    static Optional<Path> fileOf(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String location = jdbcUrl.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (location.matches("(mem|tcp|ssl|zip|nio\\w*|split|async|retry):.*") && !location.startsWith("file:")) {
            return Optional.empty();
        }
        String file = location.startsWith("file:") ? location.substring("file:".length()) : location;
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        return path.getParent() == null ? Optional.empty() : Optional.of(path);
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
