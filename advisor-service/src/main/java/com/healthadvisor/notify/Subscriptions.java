package com.healthadvisor.notify;

import com.healthadvisor.report.ResultJson;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import tools.jackson.core.type.TypeReference;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The subscriptions, in the database every replica shares. */
public final class Subscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    public Subscriptions(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** Stores a checked request; a webhook gets a new signing secret, returned here and never again. */
    public Subscription add(Subscription.Request request, String actor) {
        request.check();
        Channel channel = Channel.of(request.channel());
        String secret = channel == Channel.WEBHOOK ? "whsec_" + HexFormat.of().formatHex(randomBytes()) : null;
        Instant now = clock.instant();
        Instant digestNext = request.digestCron() == null ? null : next(request.digestCron(), now);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO subscription (name, channel, target, secret, companies, market, stage, health, "
                        + "min_severity, on_health, on_rules, digest_cron, digest_next, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(request.name().strip(), channel.word(), request.target().strip(), secret,
                        request.companies() == null || request.companies().isEmpty() ? null
                                : ResultJson.mapper().writeValueAsString(request.companies()),
                        request.market(), request.stage(), request.health(), request.minSeverity(),
                        Boolean.TRUE.equals(request.onHealthChange()), Boolean.TRUE.equals(request.onRuleChange()),
                        request.digestCron(), digestNext == null ? null : Timestamp.from(digestNext), actor,
                        Timestamp.from(now))
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    public List<Subscription> all() {
        return jdbc.sql("SELECT * FROM subscription ORDER BY id").query(ROWS).list();
    }

    public Optional<Subscription> find(long id) {
        return jdbc.sql("SELECT * FROM subscription WHERE id = ?").params(id).query(ROWS).optional();
    }

    public void delete(long id) {
        if (jdbc.sql("DELETE FROM subscription WHERE id = ?").params(id).update() == 0) {
            throw new NoSuchNotificationException("no subscription " + id);
        }
    }

    /** The subscriptions whose digest is due, and moves each one's next time on, so that one replica sends it. */
    public List<Subscription> takeDueDigests() {
        Instant now = clock.instant();
        return jdbc.sql("SELECT * FROM subscription WHERE digest_next IS NOT NULL AND digest_next <= ?")
                .params(Timestamp.from(now)).query(ROWS).list().stream()
                .filter(due -> jdbc.sql("UPDATE subscription SET digest_next = ? WHERE id = ? AND digest_next = ?")
                        .params(Timestamp.from(next(due.digestCron(), now)), due.id(),
                                Timestamp.from(due.digestNext()))
                        .update() == 1)
                .toList();
    }

    /** The first time a cron names after a moment, in UTC. */
    static Instant next(String cron, Instant after) {
        return CronExpression.parse(cron).next(after.atZone(ZoneOffset.UTC)).toInstant();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static final RowMapper<Subscription> ROWS = (rs, n) -> new Subscription(rs.getLong("id"),
            rs.getString("name"), Channel.of(rs.getString("channel")), rs.getString("target"), rs.getString("secret"),
            rs.getString("companies") == null ? null
                    : ResultJson.mapper().readValue(rs.getString("companies"), new TypeReference<List<String>>() { }),
            rs.getString("market"), rs.getString("stage"), rs.getString("health"), rs.getString("min_severity"),
            rs.getBoolean("on_health"), rs.getBoolean("on_rules"), rs.getString("digest_cron"),
            rs.getTimestamp("digest_next") == null ? null : rs.getTimestamp("digest_next").toInstant(),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
}
