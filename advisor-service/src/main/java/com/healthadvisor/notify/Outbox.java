package com.healthadvisor.notify;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messages waiting to go, sent, or given up on. A message is queued in the transaction of what caused it, under
 * a key that names its subscription and cause, so that nothing is queued twice; a sender claims it for a while
 * before delivering it, so that replicas do not deliver it at once, and a sender killed mid-delivery leaves a claim
 * that runs out: the message goes again, under the same key.
 */
public final class Outbox {

    /** One message. */
    public record Message(long id, long subscriptionId, String idempotencyKey, String kind, String company, String payload,
                          String state, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                          Instant sentAt) {
    }

    /** How many messages wait, and since when the oldest. */
    public record Backlog(long pending, long dead, Instant oldestPending) {
    }

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String DEAD = "dead";

    private final JdbcClient jdbc;
    private final Clock clock;

    public Outbox(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** Queues a message unless one with its key was queued before; true when it was queued now. */
    public boolean enqueue(long subscriptionId, String key, String kind, String company, String payload) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("INSERT INTO outbox (subscription_id, idempotency_key, kind, company, payload, state, attempts, "
                        + "next_attempt_at, created_at) SELECT ?, ?, ?, ?, ?, ?, 0, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE idempotency_key = ?)")
                .params(subscriptionId, key, kind, company, payload, PENDING, now, now, key).update() == 1;
    }

    /** Up to {@code limit} due messages, each claimed for {@code claim}: no other sender takes them meanwhile. */
    public List<Message> claimDue(int limit, Duration claim) {
        Instant now = clock.instant();
        List<Message> due = jdbc.sql("SELECT * FROM outbox WHERE state = ? AND next_attempt_at <= ? AND "
                        + "(claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id FETCH FIRST "
                        + limit + " ROWS ONLY")
                .params(PENDING, Timestamp.from(now), Timestamp.from(now)).query(ROWS).list();
        List<Message> claimed = new ArrayList<>();
        for (Message message : due) {
            int taken = jdbc.sql("UPDATE outbox SET claimed_until = ? WHERE id = ? AND state = ? AND "
                            + "(claimed_until IS NULL OR claimed_until < ?)")
                    .params(Timestamp.from(now.plus(claim)), message.id(), PENDING, Timestamp.from(now)).update();
            if (taken == 1) {
                claimed.add(message);
            }
        }
        return claimed;
    }

    public void sent(long id) {
        jdbc.sql("UPDATE outbox SET state = ?, sent_at = ?, attempts = attempts + 1, claimed_until = NULL, "
                + "last_error = NULL WHERE id = ?").params(SENT, Timestamp.from(clock.instant()), id).update();
    }

    /** A failed attempt: tried again after {@code wait}, or given up on (dead) when {@code dead}. */
    public void failed(long id, String error, Duration wait, boolean dead) {
        jdbc.sql("UPDATE outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL, "
                        + "last_error = ? WHERE id = ?")
                .params(dead ? DEAD : PENDING, Timestamp.from(clock.instant().plus(wait)), trimmed(error), id).update();
    }

    /** A dead message, queued again from its first attempt (the same key: receivers see a retry). */
    public void retry(long id) {
        int done = jdbc.sql("UPDATE outbox SET state = ?, attempts = 0, next_attempt_at = ?, claimed_until = NULL "
                        + "WHERE id = ? AND state = ?")
                .params(PENDING, Timestamp.from(clock.instant()), id, DEAD).update();
        if (done == 0) {
            throw new NoSuchNotificationException("no dead message " + id + " (only a dead message is retried)");
        }
    }

    public Optional<Message> find(long id) {
        return jdbc.sql("SELECT * FROM outbox WHERE id = ?").params(id).query(ROWS).optional();
    }

    /** The newest messages in a state (all states for null), newest first. */
    public List<Message> list(String state, int limit) {
        return (state == null ? jdbc.sql("SELECT * FROM outbox ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                : jdbc.sql("SELECT * FROM outbox WHERE state = ? ORDER BY id DESC FETCH FIRST " + limit
                        + " ROWS ONLY").params(state))
                .query(ROWS).list();
    }

    public Backlog backlog() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM outbox WHERE state = 'pending') AS pending, "
                        + "(SELECT COUNT(*) FROM outbox WHERE state = 'dead') AS dead, "
                        + "(SELECT MIN(created_at) FROM outbox WHERE state = 'pending') AS oldest")
                .query((rs, n) -> new Backlog(rs.getLong("pending"), rs.getLong("dead"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
                .single();
    }

    private static String trimmed(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }

    private static final RowMapper<Message> ROWS = (rs, n) -> new Message(rs.getLong("id"),
            rs.getLong("subscription_id"), rs.getString("idempotency_key"), rs.getString("kind"),
            rs.getString("company"), rs.getString("payload"), rs.getString("state"), rs.getInt("attempts"),
            rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());
}
