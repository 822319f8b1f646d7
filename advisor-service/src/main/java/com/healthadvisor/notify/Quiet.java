package com.healthadvisor.notify;

import com.healthadvisor.facts.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What keeps findings quiet: a silence (a company and a code, until a date, with who and why) and an
 * acknowledgement (a finding someone has seen at a severity: quiet until it gets worse than that).
 */
public final class Quiet {

    public record Silence(long id, String company, String code, Instant until, String createdBy, String reason,
                          Instant createdAt) {
    }

    public record Acknowledgement(String company, String code, String scope, String severity, String by, Instant at) {
    }

    /** A silence asked for. */
    public record SilenceRequest(String company, String code, Instant until, String reason) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public Quiet(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    public Silence silence(SilenceRequest request, String actor) {
        StringBuilder problems = new StringBuilder();
        if (request.company() == null || request.company().isBlank()) {
            problems.append("company: the company's name; ");
        }
        if (request.code() == null || !request.code().matches("[A-Z][A-Z0-9_]{1,99}")) {
            problems.append("code: a diagnosis code, such as LOGO_CHURN_CRISIS; ");
        }
        if (request.until() == null || !request.until().isAfter(clock.instant())) {
            problems.append("until: a time in the future (ISO 8601, such as 2027-01-31T00:00:00Z); ");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            problems.append("reason: why it is quiet, for the others who see it; ");
        }
        if (!problems.isEmpty()) {
            throw new InvalidNotificationException(problems.substring(0, problems.length() - 2));
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO silence (company, code, until_at, created_by, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(request.company(), request.code(), Timestamp.from(request.until()), actor,
                        request.reason().strip(), Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return silences().stream().filter(silence -> silence.id() == id).findFirst().orElseThrow();
    }

    /** Every silence still in force, soonest to end first. */
    public List<Silence> silences() {
        return jdbc.sql("SELECT * FROM silence WHERE until_at > ? ORDER BY until_at, id")
                .params(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Silence(rs.getLong("id"), rs.getString("company"), rs.getString("code"),
                        rs.getTimestamp("until_at").toInstant(), rs.getString("created_by"), rs.getString("reason"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public void endSilence(long id) {
        if (jdbc.sql("DELETE FROM silence WHERE id = ?").params(id).update() == 0) {
            throw new NoSuchNotificationException("no silence " + id);
        }
    }

    /** Records that a finding was seen at its severity; seen again later, at the new severity. */
    public Acknowledgement acknowledge(String company, String code, String scope, String severity, String actor) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM acknowledgement WHERE company = ? AND code = ? AND scope = ?")
                .params(company, code, scope).update();
        jdbc.sql("INSERT INTO acknowledgement (company, code, scope, severity, acknowledged_by, acknowledged_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(company, code, scope, severity, actor, Timestamp.from(now)).update();
        return new Acknowledgement(company, code, scope, severity, actor, now);
    }

    /** The codes of a company silenced now. */
    java.util.Set<String> silencedCodes(String company) {
        return jdbc.sql("SELECT code FROM silence WHERE company = ? AND until_at > ?")
                .params(company, Timestamp.from(clock.instant())).query(String.class).list().stream()
                .collect(Collectors.toSet());
    }

    /** A company's acknowledged findings ({@code CODE@scope}) and the severity each was seen at. */
    Map<String, Severity> acknowledged(String company) {
        return jdbc.sql("SELECT code, scope, severity FROM acknowledgement WHERE company = ?").params(company)
                .query((rs, n) -> Map.entry(rs.getString("code") + "@" + rs.getString("scope"),
                        Severity.of(rs.getString("severity"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
