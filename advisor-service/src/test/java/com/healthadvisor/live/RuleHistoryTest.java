package com.healthadvisor.live;

import com.healthadvisor.company.Database;
import com.healthadvisor.json.Json;
import com.healthadvisor.ruleset.RuleFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules' history in the database: each content once, versions and audit together, kept within bounds. */
class RuleHistoryTest {

    private static final String BIG = "x".repeat(200 * 1024);

    @TempDir
    Path temp;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:file:" + temp.resolve("db/advisor"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aContentIsStoredOnceHoweverManyVersionsNameIt() {
        RuleHistory history = history(100, 64L << 20);
        for (int i = 0; i < 120; i++) {
            accept(history, i, List.of(new RuleFile("big.yaml", BIG), new RuleFile("limits.csv", "spread," + i)));
        }

        assertThat(history.versions()).hasSize(100);
        // The 200 KB file once, and the small one in each of the 100 versions kept.
        long small = 0;
        for (int i = 20; i < 120; i++) {
            small += ("spread," + i).length();
        }
        assertThat(history.bytes()).isEqualTo(BIG.length() + small);
        assertThat(history.versions().get(0).changed()).containsExactly("limits.csv");
    }

    @Test
    void versionsPastTheBytesAllowedGoOldestFirstButNeverTheNewest() {
        RuleHistory history = history(100, 1024 * 1024);
        for (int i = 0; i < 12; i++) {
            accept(history, i, List.of(new RuleFile("big.yaml", BIG + i)));
        }

        assertThat(history.bytes()).isLessThanOrEqualTo(1024 * 1024);
        assertThat(history.versions()).hasSize(5).first().satisfies(newest ->
                assertThat(newest.ruleSet()).isEqualTo("set-11"));
        assertThat(history.files(history.versions().get(0))).containsExactly(new RuleFile("big.yaml", BIG + 11));

        RuleHistory tiny = history(100, 10);
        accept(tiny, 12, List.of(new RuleFile("big.yaml", BIG)));
        assertThat(tiny.versions()).as("the newest stays, whatever its size").hasSize(1);
    }

    @Test
    void anAcceptedChangeIsOneVersionAndOneAuditLineAndARefusalOnlyALine() {
        RuleHistory history = history(100, 64L << 20);
        accept(history, 1, List.of(new RuleFile("limits.csv", "a")));
        history.refused("alice", RuleAction.PUT, List.of("growth.drl"), "DRL is code");
        // The same rule set again (another replica adopting it): no second version.
        history.accepted("set-1", List.of(new RuleFile("limits.csv", "a")), "replica", RuleAction.ADOPT,
                Trigger.REPLICA, null, List.of("limits.csv"));

        assertThat(history.versions()).extracting(RuleHistory.Version::id).containsExactly("v1");
        assertThat(history.audit()).extracting(entry -> entry.actor() + " " + entry.accepted() + " " + entry.version())
                .containsExactly("alice true v1", "alice false null", "replica true v1");
    }

    @Test
    void anEarlierBuildsHistoryOnDiskIsImportedOnceAndLeftInPlace() throws IOException {
        Path rules = temp.resolve("rules");
        Path blobs = Files.createDirectories(rules.resolve(".history/versions/blobs"));
        Files.writeString(blobs.resolve(RuleHistory.sha256("old".getBytes(StandardCharsets.UTF_8))), "old");
        Files.writeString(blobs.resolve(RuleHistory.sha256("new".getBytes(StandardCharsets.UTF_8))), "new");
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        Files.writeString(rules.resolve(".history/versions/versions.jsonl"), String.join("\n",
                line(new RuleHistory.Version("v1", at, "startup", "startup", null, "set-a", List.of("limits.csv"),
                        Map.of("limits.csv", RuleHistory.sha256("old".getBytes(StandardCharsets.UTF_8))))),
                line(new RuleHistory.Version("v2", at.plusSeconds(60), "alice", "api", "wider", "set-b",
                        List.of("limits.csv"),
                        Map.of("limits.csv", RuleHistory.sha256("new".getBytes(StandardCharsets.UTF_8)))))) + "\n");
        Files.createDirectories(rules.resolve(".history/audit"));
        Files.writeString(rules.resolve(".history/audit/audit.jsonl"), line(new RuleHistory.Entry(at.plusSeconds(60),
                "alice", "put", List.of("limits.csv"), true, "v2", null)) + "\n");
        RuleHistory history = history(100, 64L << 20, Clock.fixed(at.plusSeconds(120), ZoneOffset.UTC));

        assertThat(history.importFrom(rules)).isEqualTo(2);
        assertThat(history.importFrom(rules)).as("once").isZero();

        assertThat(history.versions()).extracting(RuleHistory.Version::id).containsExactly("v2", "v1");
        assertThat(history.files(history.find("v1").orElseThrow()))
                .containsExactly(new RuleFile("limits.csv", "old"));
        assertThat(history.audit()).singleElement().satisfies(entry -> assertThat(entry.version()).isEqualTo("v2"));
        assertThat(rules.resolve(".history/versions/versions.jsonl")).exists();
        accept(history, 3, List.of(new RuleFile("limits.csv", "newer")));
        assertThat(history.versions().get(0).id()).as("numbered after what was imported").isEqualTo("v3");
    }

    private RuleHistory history(int maxVersions, long maxBytes) {
        return history(maxVersions, maxBytes, Clock.systemUTC());
    }

    private RuleHistory history(int maxVersions, long maxBytes, Clock clock) {
        return new RuleHistory(database.dataSource(), database.transactionManager(),
                new RuleHistory.Retention(Duration.ofDays(7), maxVersions, maxBytes), clock);
    }

    private static void accept(RuleHistory history, int i, List<RuleFile> files) {
        history.accepted("set-" + i, files, "alice", RuleAction.PUT, Trigger.API, null, List.of("limits.csv"));
    }

    private static String line(Object value) {
        return Json.PLAIN.writeValueAsString(value);
    }
}
