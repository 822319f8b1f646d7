package com.healthadvisor.diagnosis;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.facts.Finding;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.facts.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Never blow a short window up into an alarm (judgment.md P5): a finding that stands on a yearly figure computed
 * from fewer than {@code run_rate_below_months} months of data (one month's NRR compounded, one month's churn held
 * against an annual band) is a run rate. It is at most medium, and carries the note {@code run_rate_months} so
 * that its words say so.
 */
final class RunRates {

    static final String NOTE = "run_rate_months";
    private static final String FLAGS = "flags";

    private RunRates() {
    }

    /**
     * Caps each finding that stands on a run rate; then an umbrella (RETENTION_FIRST) that is left with fewer than
     * {@code umbrellaMinFlags} flags once its run rates are set aside is capped too: an alarm made of run rates is
     * still a run rate.
     */
    static List<RuleSession.Concluded> cap(List<RuleSession.Concluded> concluded, double belowMonths,
                                           double umbrellaMinFlags) {
        List<RuleSession.Concluded> capped = new ArrayList<>(concluded.size());
        int shortestRunRate = Integer.MAX_VALUE;
        Set<String> solid = new HashSet<>();
        for (RuleSession.Concluded one : concluded) {
            boolean umbrella = one.finding().notes().containsKey(FLAGS);
            Integer months = umbrella || !marked(one.finding()) ? null : shortestAnnualWindow(one.finding(), belowMonths);
            if (months == null) {
                solid.add(one.finding().code() + "@" + one.finding().scope());
            } else {
                shortestRunRate = Math.min(shortestRunRate, months);
            }
            capped.add(months == null ? one : new RuleSession.Concluded(asRunRate(one.finding(), months), one.rule()));
        }
        if (shortestRunRate == Integer.MAX_VALUE) {
            return capped;
        }
        List<RuleSession.Concluded> result = new ArrayList<>(capped.size());
        for (RuleSession.Concluded one : capped) {
            result.add(isUmbrellaOfRunRates(one.finding(), solid, umbrellaMinFlags)
                    ? new RuleSession.Concluded(asRunRate(one.finding(), shortestRunRate), one.rule()) : one);
        }
        return result;
    }

    private static boolean isUmbrellaOfRunRates(Finding finding, Set<String> solid, double minFlags) {
        if (!(finding.notes().get(FLAGS) instanceof List<?> flags)) {
            return false;
        }
        long solidFlags = flags.stream().filter(flag -> solid.contains(flag + "@" + finding.scope())).count();
        return solidFlags < minFlags;
    }

    /** Info findings (CHURN_COMPOUNDING explains annualising itself) are not marked: they raise no alarm. */
    private static boolean marked(Finding finding) {
        return !finding.severity().equals("info");
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
        if (!Severity.of(finding.severity()).isWorseThan(Severity.MEDIUM)) {
            return noted;
        }
        return new Finding(noted.code(), "medium", noted.scope(), noted.subject(), noted.evidence(), noted.notes());
    }
}
