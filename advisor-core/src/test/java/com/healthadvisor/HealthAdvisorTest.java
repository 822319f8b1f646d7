package com.healthadvisor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java API a reporting job embeds, without Spring. */
class HealthAdvisorTest {

    private static HealthAdvisor advisor;

    @BeforeAll
    static void compileTheDefaultRules() {
        advisor = HealthAdvisor.fromRules(Path.of("rules"));
    }

    @Test
    void diagnosesASnapshotFromJson() throws IOException {
        DiagnosisResult result = advisor.diagnose(Files.readString(Path.of("fixtures/seed-2-warning-signs.json")));

        assertThat(result.top().code()).isEqualTo("RETENTION_FIRST");
        assertThat(result.top().rank()).isEqualTo(1);
        assertThat(result.ruleSet()).isEqualTo(advisor.rules());
        assertThat(result.diagnoses()).allSatisfy(d -> assertThat(d.actions()).isNotEmpty());
    }

    @Test
    void aYearThatLosesMoreThanItStartedWithIsAcceptedWhenItWonTheDifferenceInTheYear() {
        // 8.5% a month on a base replenished by new sales: more than the starting MRR is lost over the year.
        DiagnosisResult result = advisor.diagnose("""
                {"period":"2024","periodicity":"annual",
                 "mrr":{"starting":100000,"new":90000,"expansion":5000,"contraction":5000,"churned":102000,"ending":88000},
                 "customers":{"starting":100,"new":95,"churned":103,"ending":92}}""");

        assertThat(result.period()).isEqualTo("2024");
        assertThat(result.metrics()).allSatisfy(m -> assertThat(Double.isFinite(m.value())).isTrue());
    }

    @Test
    void refusesBadInputWithEveryViolation() {
        assertThatThrownBy(() -> advisor.diagnose("{\"period\":\"June\",\"users\":-1}"))
                .isInstanceOf(InvalidSnapshotException.class)
                .satisfies(e -> assertThat(((InvalidSnapshotException) e).violations()).hasSize(2));
    }

    @Test
    void aSnapshotOfReportedMetricsOnlyGetsEveryRuleItsMetricsAllow() {
        DiagnosisResult result = advisor.diagnose("""
                {"period":"2024-06","profile":{"stage":"growth","market":"smb"},
                 "metrics":{"mrr":400000,"customers":5000,"logo_churn_rate":0.03,"revenue_churn_rate":0.04,
                            "nrr":1.04,"quick_ratio":1.8,"expansion_share_of_new_mrr":0.08,"gross_margin":0.65,
                            "ltv_cac_ratio":2.5,"cac_payback_months":20,"rule_of_40":30,"magic_number":0.4,
                            "burn_multiple":2.5,"runway_months":18,"arr_growth_rate_yoy":0.3,"discount_rate":0.25,
                            "refund_rate":0.04,"top_customer_share":0.12,"top10_customer_share":0.3,
                            "largest_product_share":0.7}}""");

        assertThat(result.diagnoses()).extracting(Diagnosis::code).contains("CHURN_COMPOUNDING",
                "REVENUE_CHURN_EXCEEDS_LOGO_CHURN", "LEAKY_BUCKET", "EXPANSION_WEAK", "MARGIN_TOO_LOW", "LTV_CAC_LOW",
                "CAC_PAYBACK_LONG", "RULE_OF_40_LOW", "MAGIC_NUMBER_LOW", "BURN_MULTIPLE_HIGH", "GROWTH_BELOW_STAGE",
                "DISCOUNTING_HEAVY", "CUSTOMER_CONCENTRATION", "PRODUCT_CONCENTRATION", "RETENTION_FIRST");
        assertThat(result.notAssessed()).extracting(DiagnosisResult.NotAssessed::code).contains("COHORT_DEGRADATION",
                "COHORTS_IMPROVING", "CHURN_ACCELERATING", "SEGMENT_HIDDEN_DECLINE", "TARGET_MISSED",
                "MRR_BRIDGE_MISMATCH", "NRR_WITHOUT_EXPANSION", "ARPU_MIX_SHIFT");
        assertThat(result.notAssessed()).extracting(DiagnosisResult.NotAssessed::code)
                .doesNotContain("LEAKY_BUCKET", "LOGO_CHURN_CRISIS", "ARPA_BELOW_MARKET_BAND");
    }

    @Test
    void notAssessedNamesEachCodeOnceWithAReasonAUserCanActOn() {
        DiagnosisResult result = advisor.diagnose("{\"period\":\"2024-06\"}");

        List<String> codes = result.notAssessed().stream().map(DiagnosisResult.NotAssessed::code).toList();
        // Every code but HISTORY_CONFLICT, which needs nothing of the snapshot: it compares the history sent with
        // the periods a company stored, and a report would otherwise list it as not assessed every time.
        assertThat(codes).doesNotHaveDuplicates().hasSize(47).doesNotContain("HISTORY_CONFLICT");
        assertThat(result.notAssessed()).contains(
                new DiagnosisResult.NotAssessed("COHORT_DEGRADATION", "no cohorts in the snapshot"),
                new DiagnosisResult.NotAssessed("CUSTOMER_CONCENTRATION", "no customer_revenue in the snapshot"),
                new DiagnosisResult.NotAssessed("TARGET_MISSED", "no targets in the snapshot"),
                new DiagnosisResult.NotAssessed("RUNWAY_SHORT",
                        "no runway: needs finance.cash and finance.net_burn, or metrics.runway_months"));
        // judgment.md P11: a snapshot holding only its period is never healthy.
        assertThat(result.health()).isEqualTo("insufficient_data");
        assertThat(result.healthReason()).startsWith("no dimension of the business could be judged");
    }

    @Test
    void metricsCarryTheirSourceAndBand() {
        DiagnosisResult result = advisor.diagnose("""
                {"period":"2024-06","customers":{"starting":1000,"churned":60},"metrics":{"nrr":0.95}}""");

        // judgment.md P1: logo churn is banded on one basis per market, here the monthly equivalent.
        assertThat(result.metrics()).contains(
                new DiagnosisResult.MetricValue("logo_churn_rate", "company", null, 0.06, "ratio", "computed", null, 1),
                new DiagnosisResult.MetricValue("logo_churn_rate_monthly", "company", null, 0.06, "ratio", "computed",
                        "crisis", 1),
                new DiagnosisResult.MetricValue("nrr", "company", null, 0.95, "ratio", "reported", "acceptable", 12));
    }

    @Test
    void writesTheReportAsMarkdownHtmlAndPdf() throws IOException {
        String seed = Files.readString(Path.of("fixtures/seed-2-warning-signs.json"));

        assertThat(advisor.markdown(seed)).startsWith("# ").contains("Stop scaling acquisition: fix retention first");
        assertThat(advisor.html(seed, false)).startsWith("<!DOCTYPE html>").contains("<svg");
        assertThat(advisor.html(seed, true)).startsWith("<section").doesNotContain("<html");
        assertThat(new String(advisor.pdf(seed), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    @Test
    void namesItsRuleSet() {
        assertThat(advisor.rules().version()).hasSize(8);
        assertThat(advisor.rules().rules()).isGreaterThan(40);
    }
}
