package com.healthadvisor.notify;

import com.healthadvisor.company.ChangeWords;
import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.company.Portfolio;
import com.healthadvisor.json.Json;
import com.healthadvisor.report.Reports;
import com.healthadvisor.ruleset.RuleSet;
import org.springframework.web.util.HtmlUtils;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The digest: on each e-mail subscription's schedule, the portfolio it covers, companies that got worse first,
 * each with its verdict, its problems new or worse and their actions, and for those that got worse the company's
 * HTML report inline (the same report code, made e-mail-safe), with a plain-text part. Queued in the outbox like
 * an alert, under a key that names the subscription and the day, so it goes once even with several replicas.
 */
public final class Digests {

    /** Companies a digest lists, and of those how many carry their whole report. */
    static final int LISTED = 50;
    static final int REPORTS = 5;

    /** A digest as the sender mails it. */
    public record Digest(String subject, String text, String html) {
    }

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final CompanyMemory memory;
    private final Supplier<RuleSet> rules;
    private final Clock clock;

    public Digests(Subscriptions subscriptions, Outbox outbox, CompanyMemory memory, Supplier<RuleSet> rules,
                   Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.memory = memory;
        this.rules = rules;
        this.clock = clock;
    }

    /** Queues the digests that are due; how many. */
    public int queueDue() {
        int queued = 0;
        for (Subscription subscription : subscriptions.takeDueDigests()) {
            LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            String key = "digest:" + subscription.id() + ":" + clock.instant().getEpochSecond();
            if (outbox.enqueue(subscription.id(), key, "digest", null,
                    Json.RESULT_COMPACT.writeValueAsString(of(subscription, day)))) {
                queued++;
            }
        }
        return queued;
    }

    Digest of(Subscription subscription, LocalDate day) {
        List<Portfolio.Row> rows = memory.portfolio().rows().stream()
                .filter(row -> subscription.covers(row.company(), row.market(), row.stage(), row.health()))
                .sorted(Comparator.comparing((Portfolio.Row row) -> !row.gotWorse())
                        .thenComparing(row -> Portfolio.HEALTH_ORDER.indexOf(row.health()))
                        .thenComparing(Portfolio.Row::company))
                .limit(LISTED).toList();
        long worse = rows.stream().filter(Portfolio.Row::gotWorse).count();
        String subject = "Health Advisor digest, " + day + ": " + rows.size()
                + (rows.size() == 1 ? " company, " : " companies, ") + worse + " got worse";
        StringBuilder text = new StringBuilder(subject).append("\n");
        StringBuilder html = new StringBuilder("<div style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2933\">"
                + "<h1 style=\"font-size:20px\">").append(escape(subject)).append("</h1>");
        int reports = 0;
        for (Portfolio.Row row : rows) {
            text.append("\n").append(row.company()).append(", ").append(row.period()).append(": ")
                    .append(row.health().replace('_', ' '));
            html.append("<h2 style=\"font-size:17px;margin:20px 0 4px\">").append(escape(row.company()))
                    .append(", ").append(escape(row.period())).append(": ").append(escape(row.health().replace('_', ' ')))
                    .append(row.healthBefore() != null && !row.healthBefore().equals(row.health())
                            ? " (was " + escape(row.healthBefore().replace('_', ' ')) + ")" : "").append("</h2>");
            String moved = moved(row, rules.get());
            if (!moved.isEmpty()) {
                text.append(" — ").append(moved);
                html.append("<p style=\"margin:0 0 8px\">").append(escape(moved)).append("</p>");
            }
            if (row.gotWorse() && reports < REPORTS) {
                var diagnosed = memory.stored(row.company(), row.period());
                if (diagnosed.isPresent()) {
                    var since = memory.sinceLast(row.company(), diagnosed.get().stored())
                            .map(changes -> ChangeWords.of(changes, diagnosed.get().result().currency())).orElse(null);
                    html.append(EmailSafe.inline(Reports.html(diagnosed.get().result(), diagnosed.get().snapshot(),
                            rules.get(), true, since)));
                    reports++;
                }
            }
        }
        html.append("<p style=\"color:#52606d;font-size:12px\">Sent to ").append(escape(subscription.name()))
                .append(" by Health Advisor.</p></div>");
        return new Digest(subject, text.append("\n").toString(), html.toString());
    }

    /** "New: Logo churn is at crisis level; worse: ...", by title. */
    private static String moved(Portfolio.Row row, RuleSet ruleSet) {
        StringBuilder moved = new StringBuilder();
        if (!row.fresh().isEmpty()) {
            moved.append("New: ").append(titles(row.fresh(), ruleSet));
        }
        if (!row.worse().isEmpty()) {
            moved.append(moved.isEmpty() ? "Worse: " : "; worse: ").append(titles(row.worse(), ruleSet));
        }
        return moved.toString();
    }

    private static String titles(List<String> codes, RuleSet ruleSet) {
        return String.join("; ", codes.stream().map(code -> ruleSet.wording().containsKey(code)
                ? ruleSet.wording().get(code).title() : code).toList());
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
