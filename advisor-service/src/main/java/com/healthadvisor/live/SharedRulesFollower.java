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
 * replica keeps serving its current one, and {@link SharedRuleStore#status()} says what it disagrees
 * with and why.
 */
public final class SharedRulesFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedRulesFollower.class);

    private final SharedRuleStore store;
    private final RuleDirectory directory;
    private final ActiveRuleSet active;
    private final Duration poll;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    /** A published number this replica refused: not vetted again at every poll. */
    private long refused;

    public SharedRulesFollower(SharedRuleStore store, RuleDirectory directory, ActiveRuleSet active, Duration poll,
                               Clock clock) {
        this.store = store;
        this.directory = directory;
        this.active = active;
        this.poll = poll;
        this.clock = clock;
        report(new SharedRuleStore.Status(0, null, true, List.of(), clock.instant(), listening()));
        this.thread = new Thread(this::follow, "shared-rules");
        this.thread.setDaemon(true);
    }

    /** Catches up before the service answers, then follows on a thread of its own. */
    public void start() {
        catchUp();
        thread.start();
    }

    private SharedRuleStore.Status agreeing(SharedRuleStore.Published head) {
        return new SharedRuleStore.Status(head.id(), head.version(), true, List.of(), clock.instant(), listening());
    }

    private void report(SharedRuleStore.Status status) {
        store.report(status);
    }

    /** Adopts the newest shared rule set if this replica does not run it yet. */
    public synchronized void catchUp() {
        long number = store.newestNumber();
        if (number > 0 && (number == store.followed() || number == refused)) {
            return;
        }
        Optional<SharedRuleStore.Published> newest = store.newest();
        if (newest.isEmpty()) {
            publishOwn();
            return;
        }
        SharedRuleStore.Published head = newest.get();
        if (head.version().equals(active.current().version())) {
            store.follow(head.id());
            report(agreeing(head));
            return;
        }
        try {
            directory.adopt(head.id(), head.ruleFiles(), new RuleDirectory.Change(head.actor(), head.message(), true));
            store.follow(head.id());
            refused = 0;
            report(agreeing(head));
            LOG.info("adopted shared rule set {} (version {}) from {}", head.id(), head.version(), head.actor());
        } catch (RuleSetException e) {
            refuse(head, e.problems());
        } catch (RuntimeException e) {
            // A row this replica cannot even write (a file name outside the rules directory, a disk that refuses):
            // refused once like one that does not vet, not tried again at every wake-up.
            refuse(head, List.of(new RuleProblem("shared rule set " + head.id(), 0, e.getMessage())));
        }
    }

    /** Keeps serving the current rule set, says why in the status, and leaves this row alone until a newer one. */
    private void refuse(SharedRuleStore.Published head, List<RuleProblem> problems) {
        refused = head.id();
        report(new SharedRuleStore.Status(head.id(), head.version(), false, problems, clock.instant(), listening()));
        LOG.error("shared rule set {} (version {}) is refused on this replica, which keeps serving {}: {}",
                head.id(), head.version(), active.current().version(), problems);
    }

    /** The first replica on an empty table makes its rule set the first shared one. */
    private void publishOwn() {
        try {
            store.follow(store.publish(active.current(), "startup", Trigger.STARTUP,
                    "the rule set the first replica started with"));
            report(new SharedRuleStore.Status(store.followed(), active.current().version(), true, List.of(),
                    clock.instant(), listening()));
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
                LOG.warn("following the shared rules failed, trying again in {}: {}", poll, e.getMessage());
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

    private void sleepQuietly() {
        try {
            Thread.sleep(poll.toMillis());
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
