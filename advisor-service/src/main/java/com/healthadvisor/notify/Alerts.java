package com.healthadvisor.notify;

import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.facts.Severity;
import com.healthadvisor.report.ResultJson;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a stored period into messages: run inside the transaction that stored it, after the company's periods are
 * diagnosed, so that the messages are queued if and only if the period is stored. The newest period is compared
 * with the one before; each subscription whose scope covers the company gets one message for the period's
 * revision with every finding that triggered it (new, or of a higher severity than before, at or above the
 * subscription's severity; not silenced; not acknowledged at that severity or a worse one), or for a changed
 * verdict. A period stored again under the same revision (a rule change judging it again) queues nothing new: the
 * message's key names the revision.
 */
public final class Alerts {

    private final JdbcClient jdbc;
    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final Quiet quiet;

    public Alerts(DataSource dataSource, Subscriptions subscriptions, Outbox outbox, Quiet quiet) {
        this.jdbc = JdbcClient.create(dataSource);
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.quiet = quiet;
    }

    private record Judged(String period, int revision, String market, DiagnosisResult result) {
    }

    /** Queues the messages a company's newest period calls for; returns how many were queued. */
    public int periodStored(String company) {
        List<Subscription> listening = subscriptions.all().stream()
                .filter(s -> s.minSeverity() != null || s.onHealth()).toList();
        if (listening.isEmpty()) {
            return 0;
        }
        List<Judged> newest = newestTwo(company);
        if (newest.isEmpty()) {
            return 0;
        }
        Judged now = newest.get(0);
        Judged before = newest.size() > 1 ? newest.get(1) : null;
        Set<String> silenced = quiet.silencedCodes(company);
        Map<String, Severity> acknowledged = quiet.acknowledged(company);
        int queued = 0;
        for (Subscription subscription : listening) {
            if (!subscription.covers(company, now.market(), now.result().stage(), now.result().health())) {
                continue;
            }
            List<AlertMessage.Finding> triggered = triggered(subscription, now.result(),
                    before == null ? null : before.result(), silenced, acknowledged);
            boolean verdictMoved = subscription.onHealth() && before != null
                    && !before.result().health().equals(now.result().health());
            if (triggered.isEmpty() && !verdictMoved) {
                continue;
            }
            String key = "alert:" + subscription.id() + ":" + company + ":" + now.period() + ":r" + now.revision();
            AlertMessage message = AlertMessage.of(key, company, now.revision(), now.result(),
                    before == null ? null : before.result(), triggered);
            if (outbox.enqueue(subscription.id(), key, "alert", company,
                    com.healthadvisor.json.Json.RESULT_COMPACT.writeValueAsString(message))) {
                queued++;
            }
        }
        return queued;
    }

    /** The findings new or worse since the period before that reach the subscription's severity and are not quiet. */
    private static List<AlertMessage.Finding> triggered(Subscription subscription, DiagnosisResult now,
                                                        DiagnosisResult before, Set<String> silenced,
                                                        Map<String, Severity> acknowledged) {
        Map<String, String> then = new HashMap<>();
        if (before != null) {
            before.diagnoses().forEach(d -> then.putIfAbsent(d.code() + "@" + d.scope(), d.severity()));
        }
        List<AlertMessage.Finding> found = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Diagnosis d : now.diagnoses()) {
            String finding = d.code() + "@" + d.scope();
            if (!seen.add(finding) || !subscription.triggeredBy(d.severity()) || silenced.contains(d.code())) {
                continue;
            }
            Severity severity = Severity.of(d.severity());
            String severityBefore = then.get(finding);
            boolean isNew = !then.containsKey(finding);
            boolean isWorse = !isNew && severity.isWorseThan(Severity.of(severityBefore));
            Severity seenAt = acknowledged.get(finding);
            if ((isNew || isWorse) && (seenAt == null || severity.isWorseThan(seenAt))) {
                found.add(AlertMessage.Finding.of(d, isNew ? null : severityBefore));
            }
        }
        return found;
    }

    private List<Judged> newestTwo(String company) {
        return jdbc.sql("SELECT s.period, s.revision, d.summary, d.result FROM snapshot_revision s JOIN diagnosis d "
                        + "ON d.company = s.company AND d.period = s.period AND d.revision = s.revision "
                        + "WHERE s.company = ? AND s.revision = (SELECT MAX(r.revision) FROM snapshot_revision r "
                        + "WHERE r.company = s.company AND r.period = s.period) "
                        + "ORDER BY s.end_month DESC, s.stored_at DESC FETCH FIRST 2 ROWS ONLY")
                .params(company)
                .query((rs, n) -> new Judged(rs.getString("period"), rs.getInt("revision"),
                        marketOf(rs.getString("summary")), ResultJson.read(rs.getString("result"))))
                .list();
    }

    /** The market a period's timeline entry names (as its snapshot's profile did); null when it names none. */
    private static String marketOf(String summary) {
        var market = ResultJson.mapper().readTree(summary).path("market");
        return market.isString() ? market.asString() : null;
    }
}
