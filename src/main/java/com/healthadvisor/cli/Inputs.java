package com.healthadvisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads what a command was given: a file, or standard input for {@code -}. */
final class Inputs {

    private Inputs() {
    }

    static byte[] read(String file, InputStream stdin) {
        try {
            return "-".equals(file) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    static Path directory(Path directory, String what) {
        if (!Files.isDirectory(directory)) {
            throw new UsageException(what + " directory not found: " + directory);
        }
        return directory;
    }
}
