package com.healthadvisor.ruleset;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boundary tests of the sample-size limits, with the values of the current rules/limits.csv: one customer under the
 * floor and the rule for small numbers applies, at the floor it does not. A limit an analyst moves moves them.
 */
class LimitBoundariesTest {

    private static AdvisorHarness advisor;
    private static Limits limits;

    @BeforeAll
    static void compileTheDefaultRules() {
        advisor = AdvisorHarness.fromRules(Path.of("rules"));
        limits = advisor.ruleSet().limits();
    }

    /** A company losing a tenth of its customers in the month (at least one), one of them paying a third of MRR. */
    private static DiagnosisResult company(int customers) {
        return company(customers, Math.max(1, customers / 10));
    }

    private static DiagnosisResult company(int customers, int churned) {
        StringBuilder revenue = new StringBuilder("{\"customer\":\"big\",\"mrr\":" + customers * 50 + "}");
        for (int i = 1; i < customers - churned; i++) {
            revenue.append(",{\"customer\":\"c").append(i).append("\",\"mrr\":100}");
        }
        double mrr = customers * 50 + (customers - churned - 1) * 100.0;
        return advisor.diagnose("""
                {"period":"2024-06","profile":{"market":"smb"},
                 "mrr":{"starting":%s,"new":0,"expansion":0,"contraction":0,"churned":%d,"ending":%s},
                 "customers":{"starting":%d,"new":0,"churned":%d,"ending":%d},
                 "customer_revenue":[%s]}""".formatted(mrr + churned * 100, churned * 100, mrr, customers, churned,
                customers - churned, revenue));
    }

    private static Optional<Diagnosis> find(DiagnosisResult result, String code) {
        return result.diagnoses().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    @Test
    void underTheRateFloorChurnIsNotJudgedAndAtItItIs() {
        int floor = (int) limits.get("min_customers_for_rates");

        DiagnosisResult under = company(floor - 1);
        DiagnosisResult at = company(floor);

        assertThat(find(under, "SMALL_SAMPLE")).isPresent();
        assertThat(find(under, "LOGO_CHURN_CRISIS")).isEmpty();
        assertThat(find(at, "SMALL_SAMPLE")).isEmpty();
        assertThat(find(at, "LOGO_CHURN_CRISIS")).isPresent();
    }

    @Test
    void underTheConcentrationFloorALargeCustomerIsAtMostMediumAndAtItCritical() {
        int floor = (int) limits.get("min_customers_for_concentration");

        // Judged on the customers at the end of the period: none leave here.
        assertThat(find(company(floor - 1, 0), "CUSTOMER_CONCENTRATION")).get().extracting(Diagnosis::severity)
                .isEqualTo("medium");
        assertThat(find(company(floor, 0), "CUSTOMER_CONCENTRATION")).get().extracting(Diagnosis::severity)
                .isEqualTo("critical");
    }
}
