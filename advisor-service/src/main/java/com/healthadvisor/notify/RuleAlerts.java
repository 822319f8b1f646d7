package com.healthadvisor.notify;

import com.healthadvisor.company.Portfolio;
import com.healthadvisor.json.Json;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A rule change that moves stored companies' verdicts, told to the subscriptions that asked for it: after a
 * previewed change is applied, the companies whose newest period's verdict the preview showed moving, once per
 * subscription and rule set version.
 */
public final class RuleAlerts {

    /** One company whose verdict the change moved. */
    public record Moved(String company, String period, String healthBefore, String healthAfter) {
    }

    /** The message: which rule set, who applied it, and the companies it moved. */
    public record RulesMessage(String id, String kind, String ruleSetVersion, String appliedBy,
                               List<Moved> companies) {

        String headline() {
            return "A rule change (rule set " + ruleSetVersion + ", by " + appliedBy + ") moved "
                    + companies.size() + (companies.size() == 1 ? " company's verdict" : " companies' verdicts");
        }
    }

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final Portfolio portfolio;

    public RuleAlerts(Subscriptions subscriptions, Outbox outbox, Portfolio portfolio) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.portfolio = portfolio;
    }

    /** Queues the messages an applied change calls for; how many. */
    public int applied(String ruleSetVersion, String appliedBy, List<Moved> moved) {
        List<Moved> verdicts = moved.stream().filter(m -> m.healthBefore() != null
                && !m.healthBefore().equals(m.healthAfter())).toList();
        if (verdicts.isEmpty()) {
            return 0;
        }
        Map<String, Portfolio.Row> rows = portfolio.rows().stream()
                .collect(Collectors.toMap(Portfolio.Row::company, Function.identity(), (a, b) -> a));
        int queued = 0;
        for (Subscription subscription : subscriptions.all()) {
            if (!subscription.onRules()) {
                continue;
            }
            List<Moved> covered = verdicts.stream().filter(m -> {
                Portfolio.Row row = rows.get(m.company());
                return subscription.covers(m.company(), row == null ? null : row.market(),
                        row == null ? null : row.stage(), m.healthAfter());
            }).toList();
            String key = "rules:" + subscription.id() + ":" + ruleSetVersion;
            if (!covered.isEmpty() && outbox.enqueue(subscription.id(), key, "rules", null,
                    Json.RESULT_COMPACT.writeValueAsString(new RulesMessage(key, "rules", ruleSetVersion, appliedBy,
                            covered)))) {
                queued++;
            }
        }
        return queued;
    }
}
