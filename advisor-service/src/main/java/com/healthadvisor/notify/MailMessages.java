package com.healthadvisor.notify;

import com.healthadvisor.catalog.Unit;
import com.healthadvisor.metrics.ValueFormat;
import org.springframework.web.util.HtmlUtils;

/**
 * An alert as an e-mail: a subject, a plain-text part and an HTML part with inline styles only (mail clients drop
 * style sheets and scripts), naming each finding, the money at stake and the actions.
 */
final class MailMessages {

    private MailMessages() {
    }

    record Mail(String subject, String text, String html) {
    }

    static Mail of(AlertMessage alert) {
        ValueFormat format = new ValueFormat(alert.currency());
        StringBuilder text = new StringBuilder(alert.headline()).append("\n\n");
        StringBuilder html = new StringBuilder("<div style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2933;"
                + "max-width:640px\"><h1 style=\"font-size:20px;margin:0 0 8px\">")
                .append(escape(alert.headline())).append("</h1><p style=\"margin:0 0 12px\">Health: <strong>")
                .append(escape(words(alert.health()))).append("</strong>");
        text.append("Health: ").append(words(alert.health()));
        if (alert.healthBefore() != null && !alert.healthBefore().equals(alert.health())) {
            text.append(" (was ").append(words(alert.healthBefore())).append(")");
            html.append(" (was ").append(escape(words(alert.healthBefore()))).append(")");
        }
        if (alert.atStake() != null) {
            String money = format.format(alert.atStake(), Unit.MONEY) + " a year at stake";
            text.append(". ").append(money);
            html.append(" · <strong>").append(escape(money)).append("</strong>");
        }
        text.append("\n").append(alert.healthReason() == null ? "" : alert.healthReason() + "\n");
        html.append("</p>");
        for (AlertMessage.Finding finding : alert.findings()) {
            String change = finding.change().equals("new") ? "New" : "Worse (was " + finding.severityBefore() + ")";
            String impact = finding.impact() == null ? "" : ", " + format.format(finding.impact(), Unit.MONEY)
                    + ("exposure".equals(finding.impactKind()) ? " a year exposed" : " a year at stake");
            text.append("\n").append(change).append(", ").append(finding.severity()).append(impact).append(": ")
                    .append(finding.title()).append("\n").append(finding.explanation()).append("\n");
            html.append("<div style=\"border-left:4px solid ").append(colour(finding.severity()))
                    .append(";padding:4px 12px;margin:12px 0\"><p style=\"margin:0\"><strong>")
                    .append(escape(finding.title())).append("</strong><br><span style=\"color:#52606d;"
                            + "font-size:13px\">").append(escape(change + ", " + finding.severity() + impact))
                    .append("</span></p><p style=\"margin:6px 0\">").append(escape(finding.explanation()))
                    .append("</p>");
            if (!finding.actions().isEmpty()) {
                html.append("<ul style=\"margin:4px 0;padding-left:20px\">");
                for (AlertMessage.Action action : finding.actions()) {
                    text.append("  - ").append(action.action()).append(" (").append(action.owner()).append(")\n");
                    html.append("<li>").append(escape(action.action())).append(" <span style=\"color:#52606d\">(")
                            .append(escape(action.owner())).append(")</span></li>");
                }
                html.append("</ul>");
            }
            html.append("</div>");
        }
        html.append("<p style=\"color:#52606d;font-size:12px\">Message ").append(escape(alert.id()))
                .append(" from Health Advisor.</p></div>");
        text.append("\nMessage ").append(alert.id()).append(" from Health Advisor.\n");
        return new Mail(alert.headline(), text.toString(), html.toString());
    }

    /** A rule change's moves, as an e-mail. */
    static Mail of(RuleAlerts.RulesMessage rules) {
        StringBuilder text = new StringBuilder(rules.headline()).append("\n\n");
        StringBuilder html = new StringBuilder("<div style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2933\">"
                + "<h1 style=\"font-size:20px\">").append(escape(rules.headline())).append("</h1><ul>");
        rules.companies().forEach(moved -> {
            String line = moved.company() + " (" + moved.period() + "): " + words(moved.healthBefore()) + " → "
                    + words(moved.healthAfter());
            text.append("- ").append(line).append("\n");
            html.append("<li>").append(escape(line)).append("</li>");
        });
        html.append("</ul></div>");
        return new Mail(rules.headline(), text.toString(), html.toString());
    }

    private static String colour(String severity) {
        return switch (severity) {
            case "critical" -> "#c0392b";
            case "high" -> "#e67e22";
            case "medium" -> "#f1c40f";
            default -> "#d5dbe1";
        };
    }

    private static String words(String value) {
        return value.replace('_', ' ');
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
