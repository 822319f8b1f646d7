package com.healthadvisor.web;

import com.healthadvisor.notify.Deliveries;
import com.healthadvisor.notify.Digests;
import com.healthadvisor.notify.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The thread that delivers the outbox while the service runs, and the notifications part of {@code
 * /actuator/health}: the backlog as the sender last read it (pending, dead, the oldest pending message's age), so
 * that health never waits on the database. UP whatever the backlog: a receiver that is down does not stop the
 * service from diagnosing; a growing {@code pending} or an old {@code oldest_pending_seconds} says it.
 */
class NotificationSender implements SmartLifecycle, HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

    private final Deliveries deliveries;
    private final Digests digests;
    private final Outbox outbox;
    private final Duration poll;
    private volatile ScheduledExecutorService thread;
    private volatile Outbox.Backlog backlog;
    private volatile Instant readAt;

    NotificationSender(Deliveries deliveries, Digests digests, Outbox outbox, Duration poll) {
        this.deliveries = deliveries;
        this.digests = digests;
        this.outbox = outbox;
        this.poll = poll;
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread sender = new Thread(runnable, "notifications");
            sender.setDaemon(true);
            return sender;
        });
        thread.scheduleWithFixedDelay(this::round, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues the digests due, delivers what is due until nothing is, then reads the backlog; a failure waits for the next round. */
    private void round() {
        try {
            digests.queueDue();
            while (deliveries.deliverDue() > 0 && !Thread.currentThread().isInterrupted()) {
                // More may be due: a full batch was claimed.
            }
            backlog = outbox.backlog();
            readAt = Instant.now();
        } catch (RuntimeException e) {
            LOG.warn("notifications could not be delivered this round: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = thread;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null && !thread.isShutdown();
    }

    @Override
    public Health health() {
        Outbox.Backlog read = backlog;
        if (read == null) {
            return Health.up().withDetail("backlog", "not read yet").build();
        }
        Health.Builder health = Health.up().withDetail("pending", read.pending()).withDetail("dead", read.dead())
                .withDetail("read_at", readAt.toString());
        if (read.oldestPending() != null) {
            health.withDetail("oldest_pending_seconds", Duration.between(read.oldestPending(), readAt).toSeconds());
        }
        return health.build();
    }
}
