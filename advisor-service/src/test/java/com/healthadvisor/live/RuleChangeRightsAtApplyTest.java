package com.healthadvisor.live;

import com.healthadvisor.TestFiles;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetLoader;
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

    @BeforeEach
    void aRulesDirectory() throws IOException {
        rules = TestFiles.copy(Path.of("rules"), temp.resolve("rules"), ".*");
        Clock clock = Clock.systemUTC();
        RuleSetCompiler compiler = new RuleSetCompiler(clock);
        ActiveRuleSet active = new ActiveRuleSet(new RuleSetLoader(compiler).load(rules), clock);
        RuleVersions versions = new RuleVersions(rules, Duration.ofDays(7), 100, clock);
        versions.record(active.current(), "startup", "startup", null);
        directory = new RuleDirectory(rules, new RuleSetVetting(compiler, temp.resolve("no-fixtures"), new Advisor()),
                active, new RuleHistory(rules, Duration.ofDays(7), 100, clock), versions,
                new AuditLog(rules, Duration.ofDays(7), clock));
    }

    @Test
    void anAnalystsRestoreThatWouldNowUndoAnAdminsDrlChangeIsRefused() throws IOException {
        String first = directory.versions().list().get(0).id();
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
        assertThat(directory.audit().entries().get(directory.audit().entries().size() - 1).toString())
                .contains("alice", "restore");
    }

    @Test
    void validateAndPreviewOfDrlNeedTheRightToChangeCode() {
        assertThatThrownBy(() -> directory.validate("growth.drl", "package rules;\n",
                new RuleDirectory.Change("alice", null))).isInstanceOf(NotYourFilesException.class);
        assertThatThrownBy(() -> directory.preview(Map.of("growth.drl", "package rules;\n"),
                new RuleDirectory.Change("alice", null))).isInstanceOf(NotYourFilesException.class);
    }

    @Test
    void theHistoryAndTheAuditLogAreTheirOwnersAlone() throws IOException {
        String limits = Files.readString(rules.resolve("limits.csv"));
        directory.put("limits.csv", limits.replace("blended_average_spread,10,", "blended_average_spread,12,"),
                new RuleDirectory.Change("alice", null));

        try (var paths = Files.walk(rules.resolve(".history"))) {
            assertThat(paths.toList()).isNotEmpty().allSatisfy(path -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
                    .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }
}
