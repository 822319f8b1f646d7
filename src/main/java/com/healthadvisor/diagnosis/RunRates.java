package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Finding;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.metrics.MetricCatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Never blow a short window up into an alarm (judgment.md P5): a finding that stands on a yearly figure computed
 * from fewer than {@code run_rate_below_months} months of data (one month's NRR compounded, one month's churn held
 * against an annual band) is a run rate. It is at most medium, and carries the note {@code run_rate_months} so
 * that its words say so.
 */
final class RunRates {

    static final String NOTE = "run_rate_months";
    private static final List<String> ABOVE_MEDIUM = List.of("critical", "high");

    private RunRates() {
    }

    static List<RuleSession.Concluded> cap(List<RuleSession.Concluded> concluded, double belowMonths) {
        List<RuleSession.Concluded> capped = new ArrayList<>(concluded.size());
        for (RuleSession.Concluded one : concluded) {
            // An umbrella (RETENTION_FIRST) carries its flags' evidence: the flags themselves say which are run rates.
            boolean umbrella = one.finding().notes().containsKey("flags");
            Integer months = umbrella ? null : shortestAnnualWindow(one.finding(), belowMonths);
            capped.add(months == null ? one : new RuleSession.Concluded(asRunRate(one.finding(), months), one.rule()));
        }
        return capped;
    }

    /** The window of the shortest computed yearly figure among the evidence, when it is under the limit; else null. */
    private static Integer shortestAnnualWindow(Finding finding, double belowMonths) {
        Integer shortest = null;
        for (Metric metric : finding.evidence()) {
            Integer window = metric.windowMonths();
            if (window != null && window < belowMonths && "computed".equals(metric.source())
                    && MetricCatalog.ANNUAL.contains(metric.code()) && (shortest == null || window < shortest)) {
                shortest = window;
            }
        }
        return shortest;
    }

    private static Finding asRunRate(Finding finding, int months) {
        Finding noted = finding.note(NOTE, (double) months);
        if (!ABOVE_MEDIUM.contains(finding.severity())) {
            return noted;
        }
        return new Finding(noted.code(), "medium", noted.scope(), noted.subject(), noted.evidence(), noted.notes());
    }
}
