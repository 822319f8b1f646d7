package com.healthadvisor.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Directories {@code 0700} and files {@code 0600}: what the service keeps (every company's numbers, the rule history
 * and audit log) is its owner's alone, whatever the umask it was started with. Java cannot set the umask, so a
 * directory is made private when it is made, and the files in it are made private after they are written; the
 * directory already keeps other users out in between. On a file system without POSIX permissions nothing changes.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates the directory (and its missing parents) if needed, and makes the directory itself private. */
    public static Path directory(Path directory) {
        try {
            Files.createDirectories(directory);
            if (POSIX) {
                Files.setPosixFilePermissions(directory, DIRECTORY);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    /** Makes a file private, if it exists. */
    public static void file(Path file) {
        try {
            if (POSIX && Files.isRegularFile(file)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " private", e);
        }
    }

    /** Makes a directory, everything under it and the files in it private. */
    public static void tree(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.toList()) {
                if (Files.isDirectory(path)) {
                    directory(path);
                } else {
                    file(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + directory + " private", e);
        }
    }
}
