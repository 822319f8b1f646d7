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

    @Test
    void aFileDatabaseWritesEachCommitBeforeItReturns() {
        assertThat(H2Files.durable("jdbc:h2:file:./data/advisor;LOCK_TIMEOUT=60000"))
                .isEqualTo("jdbc:h2:file:./data/advisor;LOCK_TIMEOUT=60000;WRITE_DELAY=0");
        assertThat(H2Files.durable("jdbc:h2:file:./x;write_delay=100")).isEqualTo("jdbc:h2:file:./x;write_delay=100");
        assertThat(H2Files.durable("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(H2Files.durable("jdbc:postgresql://localhost/x")).isEqualTo("jdbc:postgresql://localhost/x");
    }

    /** A process killed the instant a commit returned: what it committed is there when the database opens again. */
    @Test
    void aCommitSurvivesTheProcessKilledRightAfterIt() throws Exception {
        String url = "jdbc:h2:file:" + temp.resolve("killed/advisor");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenHalt.class.getName(), url)
                .redirectErrorStream(true).start();
        String said = new String(writer.getInputStream().readAllBytes());
        assertThat(writer.waitFor()).as(said).isZero();
        assertThat(said).contains("committed");

        try (Database database = Database.open(url)) {
            assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(database.dataSource())
                    .sql("SELECT COUNT(*) FROM company WHERE name = 'acme'").query(Long.class).single()).isEqualTo(1);
        }
    }

    /** Opens the database, commits one company and stops the JVM at once, as a kill would, without closing it. */
    public static final class CommitThenHalt {

        public static void main(String[] args) throws Exception {
            Database database = Database.open(args[0]);
            try (var connection = database.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                connection.createStatement().execute("INSERT INTO company (name) VALUES ('acme')");
                connection.commit();
            }
            System.out.println("committed");
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
