package com.healthadvisor.notify;

import com.healthadvisor.facts.Severity;
import org.springframework.scheduling.support.CronExpression;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Who gets what: a channel and its target, a scope (all companies, a list of them, or those whose newest period
 * has a market, stage or health), and the triggers (a finding new or worse at or above a severity, a changed
 * verdict, a rule change that moves stored companies' verdicts, a digest on a schedule).
 *
 * @param secret      the webhook's signing key; null for other channels
 * @param companies   null or empty for every company
 * @param minSeverity null: findings trigger nothing
 * @param digestCron  null: no digest (e-mail only)
 */
public record Subscription(long id, String name, Channel channel, String target, String secret, List<String> companies,
                           String market, String stage, String health, String minSeverity, boolean onHealth,
                           boolean onRules, String digestCron, Instant digestNext, String createdBy,
                           Instant createdAt) {

    /** Severities a trigger may name: a strength or a note is never an alert. */
    static final Set<String> TRIGGER_SEVERITIES = Set.of("critical", "high", "medium", "low");

    /** Whether a company's newest period is in the subscription's scope. */
    public boolean covers(String company, String companyMarket, String companyStage, String companyHealth) {
        return (companies == null || companies.isEmpty() || companies.contains(company))
                && (market == null || market.equals(companyMarket))
                && (stage == null || stage.equals(companyStage))
                && (health == null || health.equals(companyHealth));
    }

    /** Whether a finding of this severity triggers the subscription. */
    public boolean triggeredBy(String severity) {
        Severity at = Severity.of(severity);
        Severity least = Severity.of(minSeverity);
        return least != null && at != null && !least.isWorseThan(at);
    }

    /** What a caller asks for; checked by {@link #check()}. */
    public record Request(String name, String channel, String target, List<String> companies, String market,
                          String stage, String health, String minSeverity, Boolean onHealthChange,
                          Boolean onRuleChange, String digestCron) {

        /** Every mistake at once, or nothing. */
        public void check() {
            StringBuilder problems = new StringBuilder();
            if (name == null || name.isBlank() || name.length() > 100) {
                problems.append("name: 1 to 100 characters; ");
            }
            Channel kind = Channel.of(channel);
            if (kind == null) {
                problems.append("channel: webhook, slack or email; ");
            } else if (kind == Channel.EMAIL ? !isEmailAddress(target) : !isWebUrl(target)) {
                problems.append(kind == Channel.EMAIL ? "target: an e-mail address; "
                        : "target: an http or https URL; ");
            }
            if (minSeverity != null && !TRIGGER_SEVERITIES.contains(minSeverity)) {
                problems.append("min_severity: critical, high, medium or low; ");
            }
            if (digestCron != null && (kind != Channel.EMAIL || !CronExpression.isValidExpression(digestCron))) {
                problems.append("digest_cron: a cron of six fields (second minute hour day month weekday), for an "
                        + "email subscription; ");
            }
            if (minSeverity == null && !Boolean.TRUE.equals(onHealthChange) && !Boolean.TRUE.equals(onRuleChange)
                    && digestCron == null) {
                problems.append("a trigger: min_severity, on_health_change, on_rule_change or digest_cron; ");
            }
            if (!problems.isEmpty()) {
                throw new InvalidNotificationException(problems.substring(0, problems.length() - 2));
            }
        }

        private static boolean isEmailAddress(String value) {
            return value != null && value.length() <= 254 && value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        }

        private static boolean isWebUrl(String value) {
            try {
                URI uri = URI.create(value);
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
