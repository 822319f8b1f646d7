package com.healthadvisor.company;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;

import java.time.Instant;
import java.util.List;

/**
 * One period of a company's timeline: its health and why, the key metrics with the months each stands on, the codes
 * found, most urgent first, and each finding with its scope and severity; the company's stage (as sent, or derived
 * from its ARR) and market (as sent). Entries stored before the last four were kept have them null.
 */
public record TimelineEntry(String period, int revision, String health, String ruleSetVersion, Instant diagnosedAt,
                            List<KeyMetric> metrics, List<String> codes, String healthReason, String stage,
                            String market, List<Finding> findings) {

    /** One finding: its code, where it holds ({@code company}, or a slice such as {@code market:smb}) and how bad. */
    public record Finding(String code, String scope, String severity) {
    }

    /** @param windowMonths the months of data the value stands on, where months apply */
    public record KeyMetric(String code, double value, String unit, String band, Integer windowMonths) {
    }

    /**
     * The key metrics, and logo churn as the advisor judges it: per month over the window it stands on, with its
     * band (the period's own rate has no band, and may differ from the judged one).
     */
    public static final List<String> METRICS = java.util.stream.Stream.concat(MetricCatalog.KEY.stream(),
            java.util.stream.Stream.of("logo_churn_rate_monthly")).toList();

    /**
     * A period's entry from its diagnosis; a month known only from a snapshot's history has revision 0 and no
     * diagnosis time.
     */
    public static TimelineEntry of(DiagnosisResult result, String market, int revision, Instant diagnosedAt) {
        List<KeyMetric> metrics = METRICS.stream()
                .flatMap(code -> KeyMetrics.company(result, code).stream())
                .map(m -> new KeyMetric(m.code(), m.value(), m.unit(), m.band(), m.windowMonths()))
                .toList();
        return new TimelineEntry(result.period(), revision, result.health(), result.ruleSet().version(), diagnosedAt,
                metrics, result.diagnoses().stream().map(Diagnosis::code).toList(), result.healthReason(),
                result.stage(), market, result.diagnoses().stream()
                        .map(d -> new Finding(d.code(), d.scope(), d.severity())).toList());
    }
}
