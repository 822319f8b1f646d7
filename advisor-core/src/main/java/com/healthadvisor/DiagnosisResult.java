package com.healthadvisor;

import java.time.Instant;
import java.util.List;

/**
 * What the advisor concludes from one snapshot (contract.md section 2).
 *
 * @param stage        the stage whose benchmarks applied: from the profile, else derived from ARR; null when unknown
 * @param healthReason why the health is {@code insufficient_data}, or milder than the worst finding's severity
 *                     (judgment.md P15); null otherwise
 */
public record DiagnosisResult(String company, String period, String currency, String stage, String health,
                              String healthReason,
                              RuleSetInfo ruleSet, List<DimensionStatus> dimensions, List<Diagnosis> diagnoses,
                              List<MetricValue> metrics, List<NotAssessed> notAssessed) {

    /** Which rule set produced the result. */
    public record RuleSetInfo(String version, int rules, Instant loadedAt) {
    }

    /** The worst severity found in one dimension ({@code healthy} when only positive or info findings). */
    public record DimensionStatus(String dimension, String status) {
    }

    /** A metric fact as the result shows it. */
    public record MetricValue(String code, String scope, Integer age, double value, String unit, String source,
                              String band, Integer windowMonths) {
    }

    /** A diagnosis code that could not be assessed, and why. */
    public record NotAssessed(String code, String reason) {
    }

    public Diagnosis top() {
        return diagnoses.isEmpty() ? null : diagnoses.get(0);
    }
}
