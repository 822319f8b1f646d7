package com.healthadvisor.live;

import com.healthadvisor.RuleProblem;
import com.healthadvisor.RuleSetException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps this replica on the newest shared rule set. At start it adopts the newest one before the service answers
 * (or, on an empty table, publishes its own as the first); then a thread waits for PostgreSQL's notification of a
 * new one (and polls as well, in case a notification is lost with a connection), vets it with this replica's
 * checks and fixtures like any change, and swaps it in. A rule set this replica cannot vet is not adopted: the
 * replica keeps serving its current one, {@link SharedRuleStore#status()} says what it disagrees with and why (which
 * takes it out of readiness: it would answer differently from the others), and the refusal goes into the shared log,
 * where every replica reads it at each wake-up. A later version it accepts brings it back.
 */
public final class SharedRulesFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedRulesFollower.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final SharedRuleStore store;
    private final RuleDirectory directory;
    private final ActiveRuleSet active;
    private final Duration poll;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    /** Whether the last wake-up could not reach the database: said once, not every second of an outage. */
    private volatile boolean failing;
    /** A published number this replica refused: not vetted again at every poll. */
    private long refused;
    private List<RuleProblem> refusedProblems = List.of();
    /** Whether the shared log has this replica's refusal of {@link #refused} (the database may have been away). */
    private boolean refusalRecorded;
    /** Whether this replica's earlier refusals (before a restart, too) are gone from the shared log. */
    private boolean refusalsWithdrawn;

    public SharedRulesFollower(SharedRuleStore store, RuleDirectory directory, ActiveRuleSet active, Duration poll,
                               Clock clock) {
        this.store = store;
        this.directory = directory;
        this.active = active;
        this.poll = poll;
        this.clock = clock;
        report(new SharedRuleStore.Status(0, null, true, List.of(), clock.instant(), listening(), store.replica(),
                List.of()));
        this.thread = new Thread(this::follow, "shared-rules");
        this.thread.setDaemon(true);
    }

    /** Catches up before the service answers, then follows on a thread of its own. */
    public void start() {
        catchUp();
        thread.start();
    }

    private void report(SharedRuleStore.Status status) {
        store.report(status);
    }

    /** Adopts the newest shared rule set if this replica does not run it yet, and reads who refuses it. */
    public synchronized void catchUp() {
        long number = store.newestNumber();
        if (failing) {
            failing = false;
            LOG.info("following the shared rules again, at shared version {}", store.followed());
        }
        if (number > 0 && number == store.followed()) {
            settled(number);
            return;
        }
        if (number > 0 && number == refused) {
            stillRefusing(number);
            return;
        }
        Optional<SharedRuleStore.Published> newest = store.newest();
        if (newest.isEmpty()) {
            publishOwn();
            return;
        }
        SharedRuleStore.Published head = newest.get();
        if (head.version().equals(active.current().version())) {
            agree(head);
            return;
        }
        try {
            directory.adopt(head.id(), head.ruleFiles(), new RuleDirectory.Change(head.actor(), head.message(), true));
            agree(head);
            LOG.info("adopted shared rule set {} (version {}) from {}", head.id(), head.version(), head.actor());
        } catch (RuleSetException e) {
            refuse(head, e.problems());
        } catch (RuntimeException e) {
            // A row this replica cannot even write (a file name outside the rules directory, a disk that refuses):
            // refused once like one that does not vet, not tried again at every wake-up.
            refuse(head, List.of(new RuleProblem("shared rule set " + head.id(), 0, e.getMessage())));
        }
    }

    /** Runs the newest version: back in readiness, and whatever this replica refused before is withdrawn. */
    private void agree(SharedRuleStore.Published head) {
        store.follow(head.id());
        refused = 0;
        report(new SharedRuleStore.Status(head.id(), head.version(), true, List.of(), clock.instant(), listening(),
                store.replica(), List.of()));
        settled(head.id());
    }

    /**
     * Already on the newest version: withdraws what this replica refused before (once; until the database takes it,
     * at every wake-up) and reads who else refuses this one.
     */
    private void settled(long number) {
        if (!refusalsWithdrawn) {
            store.agree();
            refusalsWithdrawn = true;
        }
        report(store.status().with(store.refusalsOf(number), clock.instant()));
    }

    /**
     * Keeps serving the current rule set, out of readiness, says why in the status and in the shared log, and
     * leaves this row alone until a newer one.
     */
    private void refuse(SharedRuleStore.Published head, List<RuleProblem> problems) {
        refused = head.id();
        refusedProblems = problems;
        refusalRecorded = false;
        refusalsWithdrawn = false;
        report(new SharedRuleStore.Status(head.id(), head.version(), false, problems, clock.instant(), listening(),
                store.replica(), List.of()));
        LOG.error("shared rule set {} (version {}) is refused on this replica, which keeps serving {} and is out "
                + "of readiness until a version it accepts: {}", head.id(), head.version(),
                active.current().version(), problems);
        stillRefusing(head.id());
    }

    /** Records the refusal in the shared log until that works (the database may be away), and reads the others'. */
    private void stillRefusing(long number) {
        SharedRuleStore.Status status = store.status();
        if (!refusalRecorded) {
            store.refuse(number, status.version(), refusedProblems, status.checkedAt());
            refusalRecorded = true;
        }
        report(status.with(store.refusalsOf(number), clock.instant()));
    }

    /** The first replica on an empty table makes its rule set the first shared one. */
    private void publishOwn() {
        try {
            store.follow(store.publish(active.current(), "startup", Trigger.STARTUP,
                    "the rule set the first replica started with"));
            report(new SharedRuleStore.Status(store.followed(), active.current().version(), true, List.of(),
                    clock.instant(), listening(), store.replica(), List.of()));
        } catch (RulesChangedElsewhereException e) {
            // Another replica started at the same moment and published first: follow it.
            catchUp();
        }
    }

    private void follow() {
        while (running) {
            try {
                if (store.notifies()) {
                    listen();
                } else {
                    Thread.sleep(poll.toMillis());
                    catchUp();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | java.sql.SQLException e) {
                if (!failing) {
                    LOG.warn("following the shared rules failed, trying again every {} (said once): {}", retry(),
                            e.getMessage());
                }
                failing = true;
                sleepQuietly();
            }
        }
    }

    /** Holds one connection listening on the channel; each wake-up (a notification or the poll's end) catches up. */
    private void listen() throws java.sql.SQLException {
        try (Connection connection = store.dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + SharedRuleStore.CHANNEL);
            }
            PGConnection notifications = connection.unwrap(PGConnection.class);
            catchUp();
            while (running) {
                notifications.getNotifications((int) poll.toMillis());
                catchUp();
            }
        }
    }

    private String listening() {
        return store.notifies() ? "notify" : "poll";
    }

    /**
     * How soon a follower that lost the database tries again: a second (or the poll, when shorter), so that it
     * follows again within seconds of the database's return, not a whole poll later.
     */
    private Duration retry() {
        return poll.compareTo(RETRY) < 0 ? poll : RETRY;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(retry().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
