package com.healthadvisor.live;

import com.healthadvisor.RuleProblem;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The rule set versions every replica of the service follows: the versions of the {@link RuleHistory}, numbered 1,
 * 2, 3... in the database, each with its files. A replica publishes a change as the number after the version it
 * runs, so that of two replicas changing the rules at once, the second finds the number taken and is told to try
 * again; no change is lost by being written over. On PostgreSQL each publication also sends a notification on
 * channel {@value #CHANNEL}, delivered when the transaction commits.
 */
public final class SharedRuleStore {

    static final String CHANNEL = "advisor_rules";

    /** One published rule set: a version of the history, with its files' contents. */
    public record Published(long id, String version, Map<String, String> files, String actor, String trigger,
                            String message, Instant publishedAt) {

        List<RuleFile> ruleFiles() {
            List<RuleFile> ruleFiles = new ArrayList<>();
            files.forEach((name, content) -> ruleFiles.add(new RuleFile(name, content)));
            return ruleFiles;
        }
    }

    /**
     * Whether this replica runs the newest shared rule set.
     *
     * @param newest   the newest published number (0: none yet)
     * @param version  that rule set's version
     * @param agrees   whether this replica runs it
     * @param problems why this replica refused it, when it does not
     * @param replica  this replica's name
     * @param refusals the replicas, this one or others, that refuse the newest version, as the shared log says
     */
    public record Status(long newest, String version, boolean agrees, List<RuleProblem> problems, Instant checkedAt,
                         String listening, String replica, List<Refusal> refusals) {

        /** The same finding, with the shared log's refusals of the newest version as read now. */
        Status with(List<Refusal> refusals, Instant checkedAt) {
            return new Status(newest, version, agrees, problems, checkedAt, listening, replica, refusals);
        }
    }

    /** A replica that cannot adopt a shared version, and why: a row of the shared log every replica reads. */
    public record Refusal(String replica, long number, String version, List<RuleProblem> problems, Instant at) {
    }

    /** A refusal keeps this many problems: enough to say why, not a whole broken file's worth. */
    private static final int KEPT_PROBLEMS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RuleHistory history;
    private final String replica;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final boolean postgres;
    /** The number of the published rule set whose files this replica runs; 0 before it has followed any. */
    private final AtomicLong followed = new AtomicLong();
    private volatile Status status;

    public SharedRuleStore(RuleHistory history, String replica, DataSource dataSource,
                           PlatformTransactionManager transactionManager) {
        this.history = history;
        this.replica = replica;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.postgres = isPostgres(dataSource);
    }

    /** Whether this replica runs the newest shared rule set, as the follower last found. */
    public Status status() {
        return status;
    }

    void report(Status status) {
        this.status = status;
    }

    /** This replica's name, as refusals record it. */
    public String replica() {
        return replica;
    }

    public boolean notifies() {
        return postgres;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public long followed() {
        return followed.get();
    }

    public void follow(long id) {
        followed.set(id);
    }

    /** The number of the newest published rule set; 0 when none was. A wake-up reads this, not the files. */
    public long newestNumber() {
        return history.newestNumber();
    }

    /** The newest published rule set, if any was. */
    public Optional<Published> newest() {
        return history.newest().map(version -> {
            Map<String, String> files = new TreeMap<>();
            history.files(version).forEach(file -> files.put(file.name(), file.content()));
            return new Published(Long.parseLong(version.id().substring(1)), version.ruleSet(), files,
                    version.actor(), version.trigger(), version.message(), version.at());
        });
    }

    /**
     * Publishes a rule set as the version after the one this replica follows; the other replicas are notified.
     * The caller {@link #follow}s the number returned once the rule set is active here.
     *
     * @throws RulesChangedElsewhereException when another replica published that number first
     */
    public long publish(RuleSet ruleSet, String actor, Trigger trigger, String message) {
        Status now = status;
        if (now != null && !now.agrees()) {
            throw new ReplicaRefusesSharedRulesException(now);
        }
        long expected = followed.get();
        long id = expected + 1;
        try {
            transactions.executeWithoutResult(status -> {
                history.publish(id, ruleSet, actor, trigger, message);
                notifyOthers(id);
            });
        } catch (DuplicateKeyException e) {
            throw new RulesChangedElsewhereException(expected, "shared version " + id + " was published first");
        }
        status = new Status(id, ruleSet.version(), true, List.of(), Instant.now(),
                now == null ? "" : now.listening(), replica, List.of());
        return id;
    }

    /** Wakes the other replicas when the transaction commits (PostgreSQL; the others poll). */
    private void notifyOthers(long number) {
        if (postgres) {
            jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, String.valueOf(number)).query().singleValue();
        }
    }

    /**
     * Records in the shared log that this replica refuses a version, and why (replacing an earlier refusal of it),
     * and wakes the other replicas so that they show it.
     */
    public void refuse(long number, String version, List<RuleProblem> problems, Instant at) {
        String why = JSON.writeValueAsString(problems.stream().limit(KEPT_PROBLEMS).toList());
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM shared_rule_refusal WHERE replica = ? AND version_number = ?")
                    .params(replica, number).update();
            jdbc.sql("INSERT INTO shared_rule_refusal (replica, version_number, rule_set, problems, refused_at) "
                    + "VALUES (?, ?, ?, ?, ?)").params(replica, number, version, why,
                    java.sql.Timestamp.from(at)).update();
            notifyOthers(0);
        });
    }

    /** This replica runs the newest version: whatever it refused before is no longer so. */
    public void agree() {
        jdbc.sql("DELETE FROM shared_rule_refusal WHERE replica = ?").param(replica).update();
    }

    /** The shared log's refusals of one version, by any replica, the oldest first. */
    public List<Refusal> refusalsOf(long number) {
        return jdbc.sql("SELECT replica, version_number, rule_set, problems, refused_at FROM shared_rule_refusal "
                        + "WHERE version_number = ? ORDER BY refused_at, replica").param(number)
                .query((row, n) -> new Refusal(row.getString(1), row.getLong(2), row.getString(3),
                        List.of(JSON.readValue(row.getString(4), RuleProblem[].class)),
                        row.getTimestamp(5).toInstant()))
                .list();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database that holds the shared rules: "
                    + e.getMessage(), e);
        }
    }
}
