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

    private Assessment() {
    }

    static List<DiagnosisResult.NotAssessed> notAssessed(Collection<CodeWording> wording, Set<String> fired,
                                                          MetricSheet sheet, Snapshot snapshot, String stage) {
        return wording.stream()
                .filter(w -> !fired.contains(w.code()))
                .sorted(java.util.Comparator.comparing(CodeWording::code))
                .flatMap(w -> missing(w, sheet, snapshot, stage)
                        .map(reason -> new DiagnosisResult.NotAssessed(w.code(), reason)).stream())
                .toList();
    }

    private static Optional<String> missing(CodeWording wording, MetricSheet sheet, Snapshot snapshot, String stage) {
        return wording.requires().stream()
                .filter(group -> group.stream().noneMatch(token -> present(token, sheet, snapshot, stage)))
                .findFirst()
                .map(group -> reason(group.get(0), snapshot));
    }

    private static boolean present(String token, MetricSheet sheet, Snapshot snapshot, String stage) {
        return switch (token) {
            case "stage" -> stage != null;
            case "market" -> snapshot.profile().market() != null
                    && MARKETS_WITH_BANDS.contains(snapshot.profile().market());
            case "targets" -> !sheet.targets().isEmpty();
            case "reported_metrics" -> !sheet.discrepancies().isEmpty();
            default -> sheet.has(token);
        };
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
