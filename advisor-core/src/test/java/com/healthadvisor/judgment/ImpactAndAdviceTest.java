package com.healthadvisor.judgment;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.Action;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.RuleSetException;
import com.healthadvisor.ruleset.RuleSetLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * judgment.md P9's impact formulas, measured to the edge of the band an analyst sets, and P6/P10's advice for a
 * company with only a few customers: through the Java API, on the default rules and on an edited copy.
 */
class ImpactAndAdviceTest {

    private static AdvisorHarness advisor;

    @BeforeAll
    static void compileTheDefaultRules() {
        advisor = AdvisorHarness.fromRules(Path.of("rules"));
    }

    /** 1,000 customers paying $100 a month, {@code churned} of them lost in the period. */
    private static String churning(String period, String periodicity, String market, int churned) {
        return """
                {"period":"%s","periodicity":"%s","profile":{"market":"%s"},
                 "mrr":{"starting":100000,"new":0,"expansion":0,"contraction":0,"churned":%d,"ending":%d},
                 "customers":{"starting":1000,"new":0,"churned":%d,"ending":%d}}"""
                .formatted(period, periodicity, market, churned * 100, 100000 - churned * 100, churned,
                        1000 - churned);
    }

    @Test
    void logoChurnCrisisOnAMonthlyBasisCostsTheChurnAboveTheCrisisEdge() {
        Diagnosis crisis = find(advisor.diagnose(churning("2024-06", "monthly", "smb", 60)), "LOGO_CHURN_CRISIS");

        // (6% - 5%) x 1,000 customers x $100 ARPA at the end x 12
        double arpa = 94000.0 / 940;
        assertThat(crisis.impact()).isCloseTo(0.01 * 1000 * arpa * 12, within(1.0));
    }

    @Test
    void logoChurnCrisisOnAnAnnualBasisMeasuresToTheAnnualEdgeAsAMonthlyRate() {
        Diagnosis crisis = find(advisor.diagnose(churning("2024-Q2", "quarterly", "mid_market", 100)),
                "LOGO_CHURN_CRISIS");

        double churnMonthly = 1 - Math.pow(0.9, 1 / 3.0);
        double edgeMonthly = 1 - Math.pow(1 - 0.30, 1 / 12.0);
        double arpa = 90000.0 / 900;
        assertThat(crisis.impact()).isCloseTo((churnMonthly - edgeMonthly) * 1000 * arpa * 12, within(1.0));
    }

    @Test
    void movingTheCrisisThresholdMovesTheImpactWithIt(@TempDir Path rules) throws IOException {
        copyRules(rules);
        Path benchmarks = rules.resolve("benchmarks.csv");
        Files.writeString(benchmarks, Files.readString(benchmarks)
                .replace("logo_churn_rate_monthly,acceptable,2% to 5%,", "logo_churn_rate_monthly,acceptable,2% to 5.5%,")
                .replace("logo_churn_rate_monthly,crisis,> 5%,", "logo_churn_rate_monthly,crisis,> 5.5%,"));

        Diagnosis crisis = find(AdvisorHarness.fromRules(rules).diagnose(churning("2024-06", "monthly", "smb", 60)),
                "LOGO_CHURN_CRISIS");

        assertThat(crisis.impact()).isCloseTo(0.005 * 1000 * 100 * 12, within(1.0));
    }

    @Test
    void nrrImpactsMeasureToTheEdgeOfTheirBand() {
        String nrr = """
                {"period":"2024-06","metrics":{"nrr":%s,"mrr":100000,"mrr_growth_rate":0}}""";
        Diagnosis critical = find(advisor.diagnose(nrr.formatted("0.85")), "NRR_CRITICAL");
        Diagnosis below = find(advisor.diagnose(nrr.formatted("0.95")), "NRR_BELOW_100");

        assertThat(critical.impact()).isCloseTo((0.90 - 0.85) * 1_200_000, within(1.0));
        assertThat(below.impact()).isCloseTo((1.00 - 0.95) * 1_200_000, within(1.0));
    }

    @Test
    void aLeakyBucketPutsAYearOfTheGainsItLacksAtStakeWhateverThePeriod() {
        String quarter = """
                {"period":"2024-Q2","periodicity":"quarterly",
                 "mrr":{"starting":100000,"new":6000,"expansion":1000,"contraction":2000,"churned":3000,"ending":102000}}""";

        Diagnosis leaky = find(advisor.diagnose(quarter), "LEAKY_BUCKET");

        // Quick ratio 7,000 / 5,000 = 1.4 against the healthy edge of 2 (judgment.md P17: the excess only): the gains
        // it lacks each quarter, 0.6 × 5,000, over four quarters.
        assertThat(leaky.impact()).isCloseTo((2 - 1.4) * (2000 + 3000) * 4, within(0.01));
    }

    @Test
    void withAFewCustomersConcentrationAdviceIsToWinTheNextOnes() {
        String few = """
                {"period":"2024-06","customer_revenue":[{"customer":"a","mrr":5000},{"customer":"b","mrr":3000},
                 {"customer":"c","mrr":2000}],"customers":{"starting":4,"new":0,"churned":1,"ending":3}}""";

        Diagnosis concentration = find(advisor.diagnose(few), "CUSTOMER_CONCENTRATION");

        assertThat(concentration.severity()).isEqualTo("medium");
        assertThat(concentration.actions()).extracting(Action::action)
                .anyMatch(text -> text.startsWith("Win the next customers"))
                .noneMatch(text -> text.startsWith("Diversify"));
    }

    @Test
    void withManyCustomersConcentrationAdviceIsToDiversify() {
        StringBuilder revenue = new StringBuilder("{\"customer\":\"big\",\"mrr\":40000}");
        for (int i = 0; i < 59; i++) {
            revenue.append(",{\"customer\":\"c").append(i).append("\",\"mrr\":1000}");
        }
        String many = """
                {"period":"2024-06","customer_revenue":[%s],"customers":{"starting":60,"new":0,"churned":0,"ending":60}}"""
                .formatted(revenue);

        Diagnosis concentration = find(advisor.diagnose(many), "CUSTOMER_CONCENTRATION");

        assertThat(concentration.actions()).extracting(Action::action).anyMatch(text -> text.startsWith("Diversify"));
    }

    @Test
    void actionsForANoteNoRuleAddsAreRefusedWithTheirFile(@TempDir Path rules) throws IOException {
        copyRules(rules);
        Path wording = rules.resolve("concentration.yaml");
        Files.writeString(wording, Files.readString(wording).replace("    few_customers:", "    few_customer:"));

        List<RuleFile> files = RuleSetLoader.read(rules);
        assertThatThrownBy(() -> new RuleSetCompiler(Clock.systemUTC()).compile(files))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("concentration.yaml")
                .hasMessageContaining("actions_when names \"few_customer\", a note no rule adds");
    }

    private static void copyRules(Path target) throws IOException {
        for (RuleFile file : RuleSetLoader.read(Path.of("rules"))) {
            Files.writeString(target.resolve(file.name()), file.content());
        }
    }

    private static Diagnosis find(DiagnosisResult result, String code) {
        return result.diagnoses().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not among " + result.diagnoses().stream()
                        .map(Diagnosis::code).toList()));
    }

    /** P15: a verdict milder than its worst finding says why, in the result and in the report. */
    @Test
    void aHealthMilderThanTheWorstFindingSaysWhy() throws java.io.IOException {
        DiagnosisResult result = advisor.diagnose(java.nio.file.Files.readString(
                java.nio.file.Path.of("fixtures/judgment-large-customer-lifts-the-average-payback-on-new-deals.json")));

        assertThat(result.health()).isEqualTo("concerning");
        assertThat(result.healthReason()).startsWith("one critical finding (concentration), but health is critical "
                + "only with critical findings in 3 dimensions, runway under 6 months");
    }

    /** P15: with five months of cash, the advice to spend more on acquisition is silenced, and not_assessed says why. */
    @Test
    void adviceToSpendMoreIsSilencedBesideShortRunway() throws java.io.IOException {
        DiagnosisResult result = advisor.diagnose(java.nio.file.Files.readString(
                java.nio.file.Path.of("fixtures/judgment-five-months-of-cash-comes-first.json")));

        assertThat(result.diagnoses()).extracting(Diagnosis::code).doesNotContain("LTV_CAC_UNDERINVESTING");
        assertThat(result.notAssessed()).filteredOn(n -> n.code().equals("LTV_CAC_UNDERINVESTING"))
                .extracting(DiagnosisResult.NotAssessed::reason)
                .containsExactly("not advised next to a critical finding (cash runs out before a round can close): "
                        + "fix that before scaling acquisition");
        assertThat(result.healthReason()).isNull();
    }
}
