package com.healthadvisor.diagnosis;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.metrics.MetricSheet;
import com.healthadvisor.ruleset.CodeWording;
import com.healthadvisor.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which codes could not be assessed: a code is assessed when, for every group of what it requires,
 * one of the group's metrics is present in some scope. The reason names what the user can add.
 */
final class Assessment {

    private static final Set<String> MARKETS_WITH_BANDS = Set.of("smb", "mid_market", "enterprise");
    /**
     * A reason depends only on the token and on which of four sections the snapshot lacks: written once each,
     * by token, then by those sections (sixteen combinations). Bounded by the tokens a rule set can require.
     */
    private final Map<String, String[]> reasons = new ConcurrentHashMap<>();

    Assessment() {
    }

    List<DiagnosisResult.NotAssessed> notAssessed(Collection<CodeWording> wording, Set<String> fired,
                                                  MetricSheet sheet, Snapshot snapshot, String stage,
                                                  double minCustomers) {
        int sections = sections(snapshot);
        String smallSample = smallSample(sheet, minCustomers);
        List<DiagnosisResult.NotAssessed> notAssessed = new ArrayList<>();
        for (CodeWording w : wording) {
            if (!fired.contains(w.code())) {
                String reason = missing(w, sheet, snapshot, stage, sections);
                if (reason == null && smallSample != null && needsASample(w)) {
                    reason = smallSample;
                }
                if (reason != null) {
                    notAssessed.add(new DiagnosisResult.NotAssessed(w.code(), reason));
                }
            }
        }
        notAssessed.sort(Comparator.comparing(DiagnosisResult.NotAssessed::code));
        return notAssessed;
    }

    /** Why the company's rates are not judged (judgment.md P6), or null when its sample is large enough. */
    private static String smallSample(MetricSheet sheet, double minCustomers) {
        return sheet.company("rate_base_customers").filter(base -> base.value() < minCustomers).map(base -> {
            long customers = Math.round(base.value());
            String moves = customers == 0 ? "" : ": one departure moves churn by "
                    + Math.round(100.0 / customers) + " points";
            return customers + (customers == 1 ? " customer" : " customers") + " at the start of the period" + moves
                    + "; rates are judged from " + Math.round(minCustomers) + " customers";
        }).orElse(null);
    }

    /** Whether a code judges a rate that needs a sample of customers. */
    private static boolean needsASample(CodeWording wording) {
        for (List<String> group : wording.requires()) {
            for (String token : group) {
                if (MetricCatalog.RATES_NEEDING_A_SAMPLE.contains(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Why a code could not be assessed, or null when everything it requires is there. */
    private String missing(CodeWording wording, MetricSheet sheet, Snapshot snapshot, String stage, int sections) {
        for (List<String> group : wording.requires()) {
            if (!anyPresent(group, sheet, snapshot, stage)) {
                return reasonFor(group.get(0), snapshot, sections);
            }
        }
        return null;
    }

    private static boolean anyPresent(List<String> group, MetricSheet sheet, Snapshot snapshot, String stage) {
        for (String token : group) {
            if (present(token, sheet, snapshot, stage)) {
                return true;
            }
        }
        return false;
    }

    private String reasonFor(String token, Snapshot snapshot, int sections) {
        String[] bySections = reasons.get(token);
        if (bySections == null) {
            bySections = reasons.computeIfAbsent(token, key -> new String[16]);
        }
        // Two threads may both write a slot; they write the same words.
        String reason = bySections[sections];
        if (reason == null) {
            reason = written(token, snapshot);
            bySections[sections] = reason;
        }
        return reason;
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

    /** Which of targets, cohorts, breakdowns and history the snapshot has, as four bits. */
    private static int sections(Snapshot snapshot) {
        return (snapshot.targets().isEmpty() ? 0 : 1) | (snapshot.cohorts().isEmpty() ? 0 : 2)
                | (snapshot.breakdowns().isEmpty() ? 0 : 4) | (snapshot.history().isEmpty() ? 0 : 8);
    }

    /** The words of a reason, for the cache above. */
    private static String written(String token, Snapshot snapshot) {
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
