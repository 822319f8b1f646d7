package com.healthadvisor.company;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database's files are their owner's alone; a directory it shares with others is left as it is. */
class H2FilesTest {

    @TempDir
    Path temp;

    @Test
    void aDatabaseOpenedByTheCommandLineIsPrivate() throws IOException {
        Path data = temp.resolve("data");
        try (Database ignored = Database.open("jdbc:h2:file:" + data.resolve("advisor"))) {
            assertThat(mode(data)).isEqualTo("rwx------");
            try (var files = Files.list(data)) {
                assertThat(files.toList()).isNotEmpty().allSatisfy(file -> assertThat(mode(file)).isEqualTo("rw-------"));
            }
        }
    }

    @Test
    void aSharedDirectoryKeepsItsModeAndOnlyTheDatabasesFilesChange() throws IOException {
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path other = Files.writeString(shared.resolve("notes.txt"), "mine");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-r--r--"));
        try (Database ignored = Database.open("jdbc:h2:file:" + shared.resolve("advisor"))) {
            assertThat(mode(shared)).isEqualTo("rwxr-xr-x");
            assertThat(mode(other)).isEqualTo("rw-r--r--");
            assertThat(mode(shared.resolve("advisor.mv.db"))).isEqualTo("rw-------");
        }
    }

    @Test
    void onlyFileDatabasesHaveFiles() {
        assertThat(H2Files.fileOf("jdbc:h2:mem:x")).isEmpty();
        assertThat(H2Files.fileOf("jdbc:h2:tcp://localhost/x")).isEmpty();
        assertThat(H2Files.fileOf("jdbc:postgresql://localhost/x")).isEmpty();
        assertThat(H2Files.fileOf("jdbc:h2:file:./data/advisor;LOCK_TIMEOUT=60000")).hasValueSatisfying(path ->
                assertThat(path.endsWith(Path.of("data", "advisor"))).as(path.toString()).isTrue());
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
