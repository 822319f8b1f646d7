package com.healthadvisor.live;

import com.healthadvisor.TestFiles;
import com.healthadvisor.company.Database;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may change DRL is decided by the rules directory under its lock, on the files a change writes when it is
 * applied: an analyst's restore asked for before an admin's DRL change landed must not undo that change.
 */
class RuleChangeRightsAtApplyTest {

    @TempDir
    Path temp;
    private RuleDirectory directory;
    private Path rules;
    private Database database;

    @BeforeEach
    void aRulesDirectory() throws IOException {
        rules = TestFiles.copy(Path.of("rules"), temp.resolve("rules"), ".*");
        Clock clock = Clock.systemUTC();
        RuleSetCompiler compiler = new RuleSetCompiler(clock);
        ActiveRuleSet active = new ActiveRuleSet(new RuleSetLoader(compiler).load(rules), clock);
        database = Database.open("jdbc:h2:file:" + temp.resolve("db/advisor"));
        RuleHistory history = new RuleHistory(database.dataSource(), database.transactionManager(),
                new RuleHistory.Retention(Duration.ofDays(7), 100, 64 << 20), clock);
        history.started(active.current());
        directory = new RuleDirectory(rules, new RuleSetVetting(compiler, temp.resolve("no-fixtures"), new Advisor()),
                active, history);
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    @Test
    void anAnalystsRestoreThatWouldNowUndoAnAdminsDrlChangeIsRefused() throws IOException {
        String first = directory.history().versions().get(0).id();
        String growth = Files.readString(rules.resolve("growth.drl"));
        String limits = Files.readString(rules.resolve("limits.csv"));
        // The analyst asked to restore the first version when only limits.csv differed from it...
        directory.put("limits.csv", limits.replace("blended_average_spread,10,", "blended_average_spread,12,"),
                new RuleDirectory.Change("alice", null));
        // ...and an admin's DRL change landed before the restore ran.
        directory.put("growth.drl", growth + "\n// reviewed\n", new RuleDirectory.Change("bob", null, true));

        assertThatThrownBy(() -> directory.restore(first, new RuleDirectory.Change("alice", null)))
                .isInstanceOf(NotYourFilesException.class).hasMessageContaining("growth.drl");
        assertThat(Files.readString(rules.resolve("growth.drl"))).endsWith("// reviewed\n");
        assertThat(directory.history().audit().get(directory.history().audit().size() - 1).toString())
                .contains("alice", "restore");
    }

    @Test
    void validateAndPreviewOfDrlNeedTheRightToChangeCode() {
        assertThatThrownBy(() -> directory.validate("growth.drl", "package rules;\n",
                new RuleDirectory.Change("alice", null))).isInstanceOf(NotYourFilesException.class);
        assertThatThrownBy(() -> directory.preview(Map.of("growth.drl", "package rules;\n"),
                new RuleDirectory.Change("alice", null))).isInstanceOf(NotYourFilesException.class);
    }

    /** The history and the audit log are in the database, whose files are their owner's alone. */
    @Test
    void theHistoryAndTheAuditLogAreInThePrivateDatabaseNotBesideTheRules() throws IOException {
        String limits = Files.readString(rules.resolve("limits.csv"));
        directory.put("limits.csv", limits.replace("blended_average_spread,10,", "blended_average_spread,12,"),
                new RuleDirectory.Change("alice", null));

        assertThat(directory.history().versions()).hasSize(2);
        assertThat(directory.history().audit()).singleElement().satisfies(entry ->
                assertThat(entry.actor() + " " + entry.action() + " " + entry.version()).isEqualTo("alice put v2"));
        assertThat(rules.resolve(".history")).doesNotExist();
        try (var paths = Files.walk(temp.resolve("db"))) {
            assertThat(paths.filter(Files::isRegularFile).toList()).isNotEmpty().allSatisfy(path -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
                    .isEqualTo("rw-------"));
        }
    }
}
