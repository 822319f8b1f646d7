package com.healthadvisor.notify;

import com.healthadvisor.catalog.Unit;
import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.report.ResultJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert as a Slack-compatible incoming webhook takes it: a {@code text} for notifications and clients without
 * blocks, and blocks: the headline, each finding with its severity, money at stake and explanation, then what to
 * do, by owner. Text from the data is escaped as Slack's mrkdwn asks (&amp;, &lt;, &gt;).
 */
final class SlackMessages {

    private SlackMessages() {
    }

    static String of(AlertMessage alert) {
        ValueFormat format = new ValueFormat(alert.currency());
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", clip(alert.headline(), 150))));
        StringBuilder verdict = new StringBuilder("*Health:* " + words(alert.health()));
        if (alert.healthBefore() != null && !alert.healthBefore().equals(alert.health())) {
            verdict.append(" (was ").append(words(alert.healthBefore())).append(")");
        }
        if (alert.atStake() != null) {
            verdict.append(" · *").append(format.format(alert.atStake(), Unit.MONEY)).append(" a year at stake*");
        }
        blocks.add(section(verdict.toString()));
        for (AlertMessage.Finding finding : alert.findings()) {
            StringBuilder text = new StringBuilder("*").append(escape(finding.title())).append("* — ")
                    .append(finding.change().equals("new") ? "new, " : "worse (was " + finding.severityBefore() + "), ")
                    .append(finding.severity());
            if (finding.impact() != null) {
                text.append(", ").append(format.format(finding.impact(), Unit.MONEY))
                        .append(finding.impactKind() != null && finding.impactKind().equals("exposure")
                                ? " a year exposed" : " a year at stake");
            }
            text.append("\n").append(escape(finding.explanation()));
            blocks.add(section(text.toString()));
        }
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        alert.findings().forEach(finding -> finding.actions().forEach(action -> {
            List<String> actions = byOwner.computeIfAbsent(action.owner(), owner -> new ArrayList<>());
            if (!actions.contains(action.action())) {
                actions.add(action.action());
            }
        }));
        if (!byOwner.isEmpty()) {
            StringBuilder todo = new StringBuilder("*What to do*");
            byOwner.forEach((owner, actions) -> actions.forEach(action ->
                    todo.append("\n• ").append(escape(action)).append(" _(").append(escape(owner)).append(")_")));
            blocks.add(section(clip(todo.toString(), 2900)));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", alert.headline());
        message.put("blocks", blocks);
        return com.healthadvisor.json.Json.RESULT_COMPACT.writeValueAsString(message);
    }

    /** A rule change's moves: the headline, then each company's verdict before and after. */
    static String of(RuleAlerts.RulesMessage rules) {
        StringBuilder moves = new StringBuilder();
        rules.companies().forEach(moved -> moves.append("• *").append(escape(moved.company())).append("* (")
                .append(escape(moved.period())).append("): ").append(words(moved.healthBefore())).append(" → ")
                .append(words(moved.healthAfter())).append("\n"));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", rules.headline());
        message.put("blocks", List.of(Map.of("type", "header", "text", Map.of("type", "plain_text", "text",
                clip(rules.headline(), 150))), section(moves.toString().strip())));
        return ResultJson.mapper().writeValueAsString(message);
    }

    private static Map<String, Object> section(String mrkdwn) {
        return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", clip(mrkdwn, 2900)));
    }

    private static String words(String value) {
        return value.replace('_', ' ');
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most - 1) + "…";
    }
}
