package com.healthadvisor.company;

import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.Evidence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How two periods' findings are told apart: new, resolved, worse, better, unchanged, and what to say first. */
class ChangesTest {

    @Test
    void aFindingIsWorseOrBetterByItsSeverityAndWorseAlsoByTheDirectionOfItsFirstMovingMetric() {
        DiagnosisResult may = result("2024-05",
                List.of(finding("NRR_LOW", "high", "nrr"), finding("CHURN_HIGH", "medium", "logo_churn_rate"),
                        finding("ARPA_LOW", "medium", "arpa"), finding("GONE", "low", "arpa"),
                        finding("STRONG_NRR", "positive", "nrr")),
                List.of(metric("nrr", 0.95), metric("logo_churn_rate", 0.03), metric("arpa", 100)));
        DiagnosisResult june = result("2024-06",
                List.of(finding("NRR_LOW", "critical", "nrr"), finding("CHURN_HIGH", "medium", "logo_churn_rate"),
                        finding("ARPA_LOW", "medium", "arpa"), finding("NEW_ONE", "high", "logo_churn_rate"),
                        finding("STRONG_GRR", "positive", "nrr")),
                List.of(metric("nrr", 0.85), metric("logo_churn_rate", 0.035), metric("arpa", 100.5)));

        Changes changes = Changes.between("acme", may, june);

        assertThat(codes(changes.newFindings())).containsExactly("NEW_ONE");
        assertThat(codes(changes.resolved())).containsExactly("GONE");
        // NRR_LOW went from high to critical; CHURN_HIGH stayed medium while churn rose 0.5 points; a strength lost.
        assertThat(codes(changes.worse())).containsExactly("NRR_LOW", "CHURN_HIGH", "STRONG_NRR");
        assertThat(codes(changes.better())).containsExactly("STRONG_GRR");
        // ARPA moved 0.5%: noise, not better.
        assertThat(codes(changes.unchanged())).containsExactly("ARPA_LOW");
        assertThat(changes.headline().orElseThrow().change().code()).isEqualTo("NRR_LOW");
        assertThat(changes.keyMetrics()).extracting(Changes.MetricMove::metric)
                .containsExactly("logo_churn_rate", "nrr", "arpa");
    }

    /** Better only when the severity dropped: a critical finding whose metric improved is still critical. */
    @Test
    void aFindingWhoseMetricImprovedAtTheSameSeverityIsNotBetter() {
        DiagnosisResult may = result("2024-05", List.of(finding("CHURN_HIGH", "critical", "logo_churn_rate"),
                finding("NRR_LOW", "high", "nrr")), List.of(metric("logo_churn_rate", 0.09), metric("nrr", 0.80)));
        DiagnosisResult june = result("2024-06", List.of(finding("CHURN_HIGH", "critical", "logo_churn_rate"),
                finding("NRR_LOW", "medium", "nrr")), List.of(metric("logo_churn_rate", 0.07), metric("nrr", 0.82)));

        Changes changes = Changes.between("acme", may, june);

        assertThat(codes(changes.better())).containsExactly("NRR_LOW");
        assertThat(codes(changes.unchanged())).containsExactly("CHURN_HIGH");
    }

    @Test
    void whenNothingAppearedOrWorsenedTheHeadlineIsWhatWasResolved() {
        DiagnosisResult may = result("2024-05", List.of(finding("CHURN_HIGH", "high", "logo_churn_rate")),
                List.of(metric("logo_churn_rate", 0.06)));
        DiagnosisResult june = result("2024-06", List.of(), List.of(metric("logo_churn_rate", 0.02)));

        Changes changes = Changes.between("acme", may, june);

        assertThat(changes.headline().orElseThrow().kind()).isEqualTo("resolved");
        assertThat(changes.resolved().get(0).moves()).singleElement().satisfies(move -> {
            assertThat(move.from()).isEqualTo(0.06);
            assertThat(move.to()).isEqualTo(0.02);
            assertThat(move.direction()).isEqualTo("better");
        });
        assertThat(Changes.between("acme", june, june).headline()).isEmpty();
    }

    private static List<String> codes(List<Changes.Change> changes) {
        return changes.stream().map(Changes.Change::code).toList();
    }

    private static Diagnosis finding(String code, String severity, String metric) {
        return new Diagnosis(1, code, severity, "retention", "company", code + " title", "", List.of(
                new Evidence(metric, "company", 0, "ratio", null, null)), List.of(), null, null, "r", null);
    }

    private static DiagnosisResult.MetricValue metric(String code, double value) {
        return new DiagnosisResult.MetricValue(code, "company", null, value, "ratio", "computed", null, 1);
    }

    private static DiagnosisResult result(String period, List<Diagnosis> diagnoses,
                                          List<DiagnosisResult.MetricValue> metrics) {
        return new DiagnosisResult("Acme", period, "USD", "growth", "moderate", null,
                new DiagnosisResult.RuleSetInfo("v", 1, Instant.EPOCH), List.of(), diagnoses, metrics, List.of());
    }
}
