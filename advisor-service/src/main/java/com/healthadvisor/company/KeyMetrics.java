package com.healthadvisor.company;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.facts.Metric;

import java.util.Optional;

/** The company-wide metrics a timeline shows for each period and a change report compares first. */
final class KeyMetrics {

    private KeyMetrics() {
    }

    static Optional<DiagnosisResult.MetricValue> find(DiagnosisResult result, String code, String scope) {
        return result.metrics().stream()
                .filter(m -> m.code().equals(code) && m.scope().equals(scope) && m.age() == null)
                .findFirst();
    }

    static Optional<DiagnosisResult.MetricValue> company(DiagnosisResult result, String code) {
        return find(result, code, Metric.COMPANY);
    }
}
