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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas in one JVM sharing their rules through one H2 database, which has no notifications: they follow by
 * polling. (SharedRulesIT runs two service processes on PostgreSQL, which notifies.)
 */
class SharedRulesTest {

    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path temp;
    private Database database;
    private final List<AutoCloseable> followers = new ArrayList<>();

    record Replica(RuleDirectory directory, ActiveRuleSet active, SharedRuleStore store, SharedRulesFollower follower) {

        String version() {
            return active.current().version();
        }
    }

    @BeforeEach
    void openTheDatabase() {
        database = Database.open("jdbc:h2:file:" + temp.resolve("db/advisor") + "");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable follower : followers) {
            follower.close();
        }
        database.close();
    }

    @Test
    void theFirstReplicaPublishesItsRulesAndTheSecondFollowsTheFirstsChange() throws Exception {
        Replica a = replica("a", null);
        Replica b = replica("b", null);
        assertThat(a.store().followed()).isEqualTo(1);
        assertThat(b.store().followed()).isEqualTo(1);

        String changed = a.directory().put("limits.csv", moreSpread(a), new RuleDirectory.Change("alice", "wider"))
                .ruleSet().version();

        awaitVersion(b, changed);
        // The version is swapped in first, then the shared number it came with is noted.
        await().atMost(Duration.ofSeconds(5)).until(() -> b.store().followed() == 2);
        assertThat(b.store().status().agrees()).isTrue();
        assertThat(Files.readString(b.directory().path().resolve("limits.csv"))).contains("blended_average_spread,12,");
        // One history for the fleet: the change is one version, made by its author on A, not again by B.
        assertThat(b.directory().history().versions().get(0)).satisfies(version -> {
            assertThat(version.trigger()).isEqualTo("api");
            assertThat(version.actor()).isEqualTo("alice");
            assertThat(version.ruleSet()).isEqualTo(changed);
        });
        assertThat(b.directory().history().versions()).extracting(RuleHistory.Version::ruleSet)
                .doesNotHaveDuplicates();
        // The shared log is the history: the version B follows is the newest version, numbered as the workbench
        // lists it.
        assertThat(b.directory().history().versions().get(0).id()).isEqualTo("v" + b.store().followed());
    }

    @Test
    void aChangeBuiltOnAnOlderSharedVersionIsRefusedAndNothingIsWritten() throws Exception {
        Replica a = replica("a", null);
        Replica b = replica("b", null);
        b.follower().close();
        a.directory().put("limits.csv", moreSpread(a), new RuleDirectory.Change("alice", null));
        String before = Files.readString(b.directory().path().resolve("benchmarks.csv"));

        assertThatThrownBy(() -> b.directory().put("benchmarks.csv", before + "\n",
                new RuleDirectory.Change("bob", null)))
                .isInstanceOf(RulesChangedElsewhereException.class)
                .hasMessageContaining("shared version 2 was published first");
        assertThat(Files.readString(b.directory().path().resolve("benchmarks.csv"))).isEqualTo(before);
        assertThat(b.store().newest().orElseThrow().id()).isEqualTo(2);
    }

    @Test
    void aReplicaWhoseFixturesRefuseTheNewestKeepsItsRulesAndReportsWhy() throws Exception {
        Replica a = replica("a", null);
        Replica b = replica("b", "seed-.*");
        String before = b.version();
        String limits = Files.readString(a.directory().path().resolve("limits.csv"));

        a.directory().put("limits.csv", limits.replace("retention_first_min_flags,2,", "retention_first_min_flags,9,"),
                new RuleDirectory.Change("alice", null));

        await("B reports the disagreement").atMost(Duration.ofSeconds(20)).until(() -> !b.store().status().agrees());
        assertThat(b.version()).isEqualTo(before);
        assertThat(b.store().status().version()).isEqualTo(a.version());
        assertThat(b.store().status().problems().toString()).contains("seed-2-warning-signs");
    }

    /**
     * A replica that refuses the newest version says so in the shared log, where the others read it; a change made
     * on it is refused with that reason (trying again would not help); a later version it accepts brings it back and
     * withdraws the refusal.
     */
    @Test
    void aRefusalIsSharedChangesOnTheRefusingReplicaSayWhyAndALaterVersionBringsItBack() throws Exception {
        Replica a = replica("a", null);
        Replica b = replica("b", "seed-.*");
        String limits = Files.readString(a.directory().path().resolve("limits.csv"));
        a.directory().put("limits.csv", limits.replace("retention_first_min_flags,2,", "retention_first_min_flags,9,"),
                new RuleDirectory.Change("alice", null));
        assertThat(a.store().status().newest()).as("the replica that published knows it is the newest")
                .isEqualTo(a.store().newestNumber()).isEqualTo(2);
        assertThat(a.store().status().agrees()).isTrue();

        await("A reads B's refusal").atMost(Duration.ofSeconds(20))
                .until(() -> !a.store().status().refusals().isEmpty());
        SharedRuleStore.Refusal refusal = a.store().status().refusals().get(0);
        assertThat(refusal.replica()).isEqualTo("b");
        assertThat(refusal.number()).isEqualTo(2);
        assertThat(refusal.version()).isEqualTo(a.version());
        assertThat(refusal.problems().toString()).contains("seed-2-warning-signs");
        String benchmarks = Files.readString(b.directory().path().resolve("benchmarks.csv"));
        assertThatThrownBy(() -> b.directory().put("benchmarks.csv", benchmarks + "\n",
                new RuleDirectory.Change("bob", null)))
                .isInstanceOf(ReplicaRefusesSharedRulesException.class)
                .hasMessageContaining("replica b refuses shared version 2")
                .hasMessageContaining("seed-2-warning-signs")
                .hasMessageNotContaining("try the change again");
        assertThat(Files.readString(b.directory().path().resolve("benchmarks.csv"))).isEqualTo(benchmarks);
        assertThat(b.directory().history().audit()).anySatisfy(entry -> assertThat(entry.reason())
                .contains("refuses shared version 2"));

        String accepted = a.directory().put("limits.csv", limits, new RuleDirectory.Change("alice", "back"))
                .ruleSet().version();

        awaitVersion(b, accepted);
        await("B agrees again").atMost(Duration.ofSeconds(20)).until(() -> b.store().status().agrees());
        assertThat(b.store().status().newest()).isEqualTo(3);
        await("A no longer shows a refusal").atMost(Duration.ofSeconds(20))
                .until(() -> a.store().status().refusals().isEmpty());
        assertThat(a.store().refusalsOf(2)).as("withdrawn from the log").isEmpty();
    }

    /**
     * A version written straight into the tables (whoever can write to the database) with a file name outside the
     * rules directory: refused once, said in the status, nothing written outside, and not vetted again at every poll.
     */
    @Test
    void aRowWithAFileOutsideTheRulesDirectoryIsRefusedOnceAndReported() throws Exception {
        Replica a = replica("a", null);
        String before = a.version();
        Path outside = a.directory().path().resolveSibling("x");
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        a.active().current().sources().forEach(file -> files.put(file.name(), file.content()));
        // Not a rule file by its name, so nothing compiles it: only writing it can fail.
        files.put("../x", "written outside the rules directory");
        writeVersionStraightIntoTheDatabase(a.store().newestNumber() + 1, files);

        await("A reports the refusal").atMost(Duration.ofSeconds(20)).until(() -> !a.store().status().agrees());
        await("A records it").atMost(Duration.ofSeconds(20))
                .until(() -> !a.store().refusalsOf(a.store().newestNumber()).isEmpty());
        java.time.Instant refusedAt = a.store().refusalsOf(a.store().newestNumber()).get(0).at();
        Thread.sleep(POLL.toMillis() * 10);

        assertThat(a.version()).isEqualTo(before);
        assertThat(outside).doesNotExist();
        assertThat(a.store().status().newest()).isEqualTo(a.store().newestNumber());
        assertThat(a.store().status().problems().toString()).contains("../x");
        assertThat(a.store().refusalsOf(a.store().newestNumber())).as("vetted again at a later poll")
                .singleElement().satisfies(refusal -> {
                    assertThat(refusal.at()).isEqualTo(refusedAt);
                    assertThat(refusal.problems().toString()).contains("../x");
                });
    }

    @Test
    void aReplicaThatStartsLateStartsOnTheNewest() throws Exception {
        Replica a = replica("a", null);
        String changed = a.directory().put("limits.csv", moreSpread(a), new RuleDirectory.Change("alice", null))
                .ruleSet().version();

        Replica late = replica("late", null);

        assertThat(late.version()).isEqualTo(changed);
    }

    /** The rows a version is, written by hand as anyone who can write to the database could. */
    private void writeVersionStraightIntoTheDatabase(long number, java.util.Map<String, String> files) {
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(database.dataSource());
        jdbc.sql("INSERT INTO rule_version (number, at, actor, trigger_name, message, rule_set, changed) "
                        + "VALUES (?, ?, 'mallory', 'api', NULL, 'deadbeef', '[]')")
                .params(number, java.sql.Timestamp.from(java.time.Instant.now())).update();
        files.forEach((name, content) -> {
            String hash = RuleHistory.sha256(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jdbc.sql("MERGE INTO rule_file_content (sha256, content, size) KEY (sha256) VALUES (?, ?, ?)")
                    .params(hash, content, (long) content.length()).update();
            jdbc.sql("INSERT INTO rule_version_file (version_number, name, sha256) VALUES (?, ?, ?)")
                    .params(number, name, hash).update();
        });
    }

    private static String moreSpread(Replica replica) throws IOException {
        return Files.readString(replica.directory().path().resolve("limits.csv"))
                .replace("blended_average_spread,10,", "blended_average_spread,12,");
    }

    private Replica replica(String name, String fixtures) throws IOException {
        Path rules = TestFiles.copy(Path.of("rules"), temp.resolve(name).resolve("rules"), ".*");
        Path fixtureDirectory = temp.resolve(name).resolve("fixtures");
        if (fixtures != null) {
            TestFiles.copy(Path.of("fixtures"), fixtureDirectory, fixtures);
        }
        Clock clock = Clock.systemUTC();
        RuleSetCompiler compiler = new RuleSetCompiler(clock);
        ActiveRuleSet active = new ActiveRuleSet(new RuleSetLoader(compiler).load(rules), clock);
        RuleHistory history = new RuleHistory(database.dataSource(), database.transactionManager(),
                new RuleHistory.Retention(Duration.ofDays(7), 100, 64 << 20), clock);
        SharedRuleStore store = new SharedRuleStore(history, name, database.dataSource(),
                database.transactionManager());
        RuleSetVetting vetting = new RuleSetVetting(compiler, fixtureDirectory, new Advisor());
        RuleDirectory directory = new RuleDirectory(rules, vetting, active, history, ReloadObserver.NONE, store);
        SharedRulesFollower follower = new SharedRulesFollower(store, directory, active, POLL, clock);
        follower.start();
        followers.add(follower);
        return new Replica(directory, active, store, follower);
    }

    private static void awaitVersion(Replica replica, String version) {
        await().atMost(Duration.ofSeconds(20)).until(replica::version, version::equals);
    }

}
