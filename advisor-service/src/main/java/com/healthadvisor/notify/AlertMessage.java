package com.healthadvisor.notify;

import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.ruleset.CodeWording;

import java.util.List;
import java.util.Objects;

/**
 * One message about one company's period revision, with every finding that triggered it: what a webhook receives
 * as JSON, and what the Slack message and the e-mail are written from.
 *
 * @param id           the idempotency key: the same for every delivery of this message, retries included
 * @param kind         {@code alert}
 * @param healthBefore the verdict of the period before; null for a company's first period
 * @param atStake      the annual revenue the findings put at stake together; null when none says
 */
public record AlertMessage(String id, String kind, String company, String period, int revision, String health,
                           String healthBefore, String healthReason, String currency, Double atStake,
                           List<Finding> findings) {

    /**
     * A finding that triggered the message.
     *
     * @param change         {@code new} or {@code worse}
     * @param severityBefore null for a new finding
     */
    public record Finding(String code, String scope, String title, String severity, String severityBefore,
                          String change, String explanation, Double impact, String impactKind,
                          List<Action> actions) {

        static Finding of(Diagnosis diagnosis, String severityBefore) {
            return new Finding(diagnosis.code(), diagnosis.scope(), diagnosis.title(), diagnosis.severity(),
                    severityBefore, severityBefore == null ? "new" : "worse", diagnosis.explanation(),
                    diagnosis.impact(), diagnosis.impactKind(),
                    diagnosis.actions().stream().map(a -> new Action(a.owner(), a.action())).toList());
        }
    }

    public record Action(String owner, String action) {
    }

    static AlertMessage of(String id, String company, int revision, DiagnosisResult now, DiagnosisResult before,
                           List<Finding> findings) {
        // Money at stake adds up; an exposure (revenue that depends on one product) is not a loss to add.
        double atStake = findings.stream().filter(f -> CodeWording.AT_STAKE.equals(f.impactKind()))
                .map(Finding::impact).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum();
        return new AlertMessage(id, "alert", company, now.period(), revision, now.health(),
                before == null ? null : before.health(), now.healthReason(), now.currency(),
                atStake > 0 ? atStake : null, findings);
    }

    /** One line for a subject or a notification: "Acme, June 2024: critical; 2 findings new or worse". */
    public String headline() {
        String verdict = healthBefore != null && !healthBefore.equals(health)
                ? words(healthBefore) + " → " + words(health) : words(health);
        String moved = findings.isEmpty() ? "the verdict changed"
                : findings.size() == 1 ? (findings.get(0).change().equals("new") ? "new " : "worse ")
                + findings.get(0).severity() + " finding: " + findings.get(0).title()
                : findings.size() + " findings new or worse";
        return company + ", " + period + ": " + verdict + "; " + moved;
    }

    private static String words(String value) {
        return value.replace('_', ' ');
    }
}
