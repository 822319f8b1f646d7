package com.healthadvisor.web;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the database answers, found out on a thread of its own ten times a second with a check bounded to two
 * seconds, so that
 * nothing that reads it waits: health shows it (the {@code database} part: UP, or DEGRADED while it does not
 * answer, which leaves the service UP and ready, since diagnosing needs no database), and storing and rule
 * changes refuse at once with a 503 while it does not answer, instead of waiting on a connection.
 */
class DatabaseWatch implements SmartLifecycle, HealthIndicator {

    /** The status of a part that is out while the service still serves: ranked below UP (application.yaml). */
    static final Status DEGRADED = new Status("DEGRADED", "the database does not answer: storing and rule changes "
            + "wait for it; diagnoses go on");
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);
    /**
     * How often the watch looks; a check still running after {@link #CHECK_SECONDS} counts as no answer. A request
     * that passes the gate in the moment between the database going away and the watch seeing it waits for the pool
     * (3 s) instead of being refused at once: checking every 100 ms keeps that moment short, for one small query a
     * tenth of a second (twice a second, a rule change sent just as PostgreSQL stopped was answered after 5.6 s).
     */
    private static final Duration EVERY = Duration.ofMillis(100);
    private static final int CHECK_SECONDS = 2;

    /** What the last check found. */
    record State(boolean answers, Instant checkedAt, Instant since, String error) {
    }

    private final DataSource dataSource;
    private volatile State state = new State(true, Instant.now(), Instant.now(), null);
    private volatile ScheduledExecutorService thread;
    private volatile java.util.concurrent.ExecutorService checks;
    private volatile java.util.concurrent.Future<?> running;
    private volatile Instant runningSince = Instant.now();

    DatabaseWatch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    State state() {
        return state;
    }

    /** Refuses at once, with the reason, while the database does not answer. */
    void requireAnswering() {
        State now = state;
        if (!now.answers()) {
            throw new DatabaseUnavailableException(now);
        }
    }

    /**
     * Starts a check unless one runs; one that has run longer than the check's bound (a connection that hangs)
     * counts as no answer now, without waiting for it to fail.
     */
    private void tick() {
        java.util.concurrent.Future<?> current = running;
        if (current == null || current.isDone()) {
            runningSince = Instant.now();
            running = checks.submit(this::check);
        } else if (Duration.between(runningSince, Instant.now()).toSeconds() >= CHECK_SECONDS && state.answers()) {
            record(false, "no answer within " + CHECK_SECONDS + " s");
        }
    }

    private void check() {
        boolean answers;
        String error = null;
        try (Connection connection = dataSource.getConnection()) {
            answers = connection.isValid(CHECK_SECONDS);
            if (!answers) {
                error = "no answer within " + CHECK_SECONDS + " s";
            }
        } catch (Exception e) {
            answers = false;
            error = e.getMessage();
        }
        record(answers, error);
    }

    private synchronized void record(boolean answers, String error) {
        State before = state;
        Instant now = Instant.now();
        state = new State(answers, now, answers == before.answers() ? before.since() : now, error);
        if (answers != before.answers()) {
            if (answers) {
                LOG.info("the database answers again, after {} s", Duration.between(before.since(), now).toSeconds());
            } else {
                LOG.warn("the database does not answer ({}): storing and rule changes are refused until it does; "
                        + "diagnoses go on", error);
            }
        }
    }

    @Override
    public Health health() {
        State now = state;
        Health.Builder health = now.answers() ? Health.up() : Health.status(DEGRADED).withDetail("error",
                String.valueOf(now.error()));
        return health.withDetail("answers", now.answers()).withDetail("since", now.since().toString())
                .withDetail("checked_at", now.checkedAt().toString()).build();
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread watch = new Thread(runnable, "database-watch");
            watch.setDaemon(true);
            return watch;
        });
        checks = Executors.newSingleThreadExecutor(runnable -> {
            Thread check = new Thread(runnable, "database-check");
            check.setDaemon(true);
            return check;
        });
        thread.scheduleWithFixedDelay(this::tick, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (thread != null) {
            thread.shutdownNow();
            checks.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null && !thread.isShutdown();
    }

    /** Storing or changing rules while the database does not answer: a 503, with how long it has been out. */
    static final class DatabaseUnavailableException extends RuntimeException {
        DatabaseUnavailableException(State state) {
            super("the database does not answer (since " + state.since() + ": " + state.error() + "): storing and "
                    + "rule changes wait for it; diagnoses go on. Try again in a few seconds");
        }
    }

    /**
     * Bounds on every wait for PostgreSQL: a socket that stops answering fails a statement after 30 s and a new
     * connection after 3 s, rather than never; a URL that names them keeps its own. The pool opens its connections
     * through {@link PatientConnections}, so that it has some again as soon as the server is back. An H2 file
     * writes each commit before it returns ({@link com.healthadvisor.company.H2Files#durable}).
     */
    static BeanPostProcessor timeouts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
                    hikari.setJdbcUrl(com.healthadvisor.company.H2Files.durable(hikari.getJdbcUrl()));
                }
                if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    String url = hikari.getJdbcUrl();
                    if (!url.contains("socketTimeout=")) {
                        hikari.addDataSourceProperty("socketTimeout", "30");
                    }
                    if (!url.contains("connectTimeout=")) {
                        hikari.addDataSourceProperty("connectTimeout", "3");
                    }
                    PatientConnections.install(hikari);
                }
                return bean;
            }
        };
    }
}
