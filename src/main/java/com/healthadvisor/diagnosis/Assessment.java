package com.healthadvisor.diagnosis;

import com.healthadvisor.metrics.MetricCatalog;
import com.healthadvisor.metrics.MetricDefinition;
import com.healthadvisor.metrics.MetricSheet;
import com.healthadvisor.ruleset.CodeWording;
import com.healthadvisor.snapshot.Snapshot;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which codes could not be assessed: a code is assessed when, for every group of what it requires,
 * one of the group's metrics is present in some scope. The reason names what the user can add.
 */
final class Assessment {

    private static final Set<String> MARKETS_WITH_BANDS = Set.of("smb", "mid_market", "enterprise");
    /**
     * A reason depends only on the token and on which sections the snapshot lacks: written once each. Bounded by
     * the tokens a rule set can require times the sixteen combinations of absent sections.
     */
    private final java.util.Map<String, String> reasons = new java.util.concurrent.ConcurrentHashMap<>();

    Assessment() {
    }

    List<DiagnosisResult.NotAssessed> notAssessed(Collection<CodeWording> wording, Set<String> fired,
                                                          MetricSheet sheet, Snapshot snapshot, String stage) {
        List<DiagnosisResult.NotAssessed> notAssessed = new java.util.ArrayList<>();
        for (CodeWording w : wording) {
            if (!fired.contains(w.code())) {
                missing(w, sheet, snapshot, stage)
                        .ifPresent(reason -> notAssessed.add(new DiagnosisResult.NotAssessed(w.code(), reason)));
            }
        }
        notAssessed.sort(java.util.Comparator.comparing(DiagnosisResult.NotAssessed::code));
        return notAssessed;
    }

    private Optional<String> missing(CodeWording wording, MetricSheet sheet, Snapshot snapshot, String stage) {
        for (List<String> group : wording.requires()) {
            boolean met = false;
            for (String token : group) {
                met |= present(token, sheet, snapshot, stage);
            }
            if (!met) {
                return Optional.of(reasons.computeIfAbsent(group.get(0) + sections(snapshot),
                        key -> reason(group.get(0), snapshot)));
            }
        }
        return Optional.empty();
    }

    private static boolean present(String token, MetricSheet sheet, Snapshot snapshot, String stage) {
        return switch (token) {
            case "stage" -> stage != null;
            case "market" -> snapshot.profile().market() != null
                    && MARKETS_WITH_BANDS.contains(snapshot.profile().market());
            case "targets" -> !sheet.targets().isEmpty();
            case "reported_metrics" -> !sheet.discrepancies().isEmpty();
            default -> sheet.hasAnywhere(token);
        };
    }

    private static String sections(Snapshot snapshot) {
        return "/" + (snapshot.targets().isEmpty() ? 't' : 'T') + (snapshot.cohorts().isEmpty() ? 'c' : 'C')
                + (snapshot.breakdowns().isEmpty() ? 'b' : 'B') + (snapshot.history().isEmpty() ? 'h' : 'H');
    }

    private static String reason(String token, Snapshot snapshot) {
        if (token.equals("stage")) {
            return "no profile.stage, and no ARR to derive it from";
        }
        if (token.equals("market")) {
            return "no profile.market of smb, mid_market or enterprise to choose the ARPA band";
        }
        if (token.equals("targets")) {
            return snapshot.targets().isEmpty() ? "no targets in the snapshot"
                    : "no target whose metric is known for this snapshot";
        }
        if (token.equals("reported_metrics")) {
            return "no reported metric that can also be computed from the raw sections";
        }
        MetricDefinition metric = MetricCatalog.get(token);
        String needs = metric.needs();
        if (needs.contains("cohort")) {
            return snapshot.cohorts().isEmpty() ? "no cohorts in the snapshot"
                    : "no " + metric.label() + ": needs " + needs;
        }
        if (needs.equals("customer_revenue")) {
            return "no customer_revenue in the snapshot";
        }
        if (needs.contains("breakdowns") && snapshot.breakdowns().isEmpty()) {
            return "no breakdowns in the snapshot";
        }
        if (needs.contains("history") && snapshot.history().isEmpty()) {
            return "no history in the snapshot";
        }
        if (metric.reportedOnly()) {
            return "no " + metric.label() + ": report it as " + needs;
        }
        return "no " + metric.label() + ": needs " + needs + ", or metrics." + token;
    }
}
