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

    /** A buffered UTF-8 reader of a file, or of standard input for {@code -}, for streaming input. */
    static java.io.Reader reader(String file, InputStream stdin) {
        try {
            InputStream in = "-".equals(file) ? stdin : Files.newInputStream(Path.of(file));
            return new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8),
                    1 << 16);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A directory that must exist; the error names the option (and the variable) that sets it. */
    static Path directory(Path directory, String what) {
        if (!Files.isDirectory(directory)) {
            String variable = what.equals("rules") || what.equals("fixtures")
                    ? " or set ADVISOR_" + what.toUpperCase(java.util.Locale.ROOT) : "";
            throw new UsageException(what + " directory not found: " + directory.toAbsolutePath().normalize()
                    + " (give --" + what + " DIR" + variable + ")");
        }
        return directory;
    }
}
