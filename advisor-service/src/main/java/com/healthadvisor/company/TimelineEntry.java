package com.healthadvisor.company;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;

import java.time.Instant;
import java.util.List;

/**
 * One period of a company's timeline: its health, the key metrics with the months each stands on, and the codes
 * found, most urgent first.
 */
public record TimelineEntry(String period, int revision, String health, String ruleSetVersion, Instant diagnosedAt,
                            List<KeyMetric> metrics, List<String> codes) {

    /** @param windowMonths the months of data the value stands on, where months apply */
    public record KeyMetric(String code, double value, String unit, String band, Integer windowMonths) {
    }

    static TimelineEntry of(DiagnosisResult result, int revision, Instant diagnosedAt) {
        List<KeyMetric> metrics = MetricCatalog.KEY.stream()
                .flatMap(code -> KeyMetrics.company(result, code).stream())
                .map(m -> new KeyMetric(m.code(), m.value(), m.unit(), m.band(), m.windowMonths()))
                .toList();
        return new TimelineEntry(result.period(), revision, result.health(), result.ruleSet().version(), diagnosedAt,
                metrics, result.diagnoses().stream().map(Diagnosis::code).toList());
    }
}
