package com.healthadvisor.judgment;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.report.ResultJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The principles of judgment.md that are properties, checked over 200 generated businesses each: what must not
 * change the verdict does not, and what must never happen does not.
 */
class JudgmentPropertiesTest {

    /** Findings that hold money against fixed dollar bands: the only ones money scale may change (P2). */
    private static final Set<String> MONEY_BANDED = Set.of("ARPA_BELOW_MARKET_BAND", "UNDERMONETIZED_SEATS");
    /** Findings judged on customer rates (P6). */
    private static final Set<String> RATE_FINDINGS = Set.of("LOGO_CHURN_CRISIS", "LOGO_CHURN_HEALTHY",
            "CHURN_ACCELERATING", "CHURN_COMPOUNDING", "REVENUE_CHURN_EXCEEDS_LOGO_CHURN",
            "REVENUE_CHURN_BELOW_LOGO_CHURN", "NRR_CRITICAL", "NRR_BELOW_100", "NRR_EXCELLENT", "NRR_WITHOUT_EXPANSION",
            "LEAKY_BUCKET", "QUICK_RATIO_EXCELLENT", "EXPANSION_WEAK", "RETENTION_FIRST", "READY_TO_SCALE");

    private static AdvisorHarness advisor;

    @BeforeAll
    static void compileTheDefaultRules() {
        advisor = AdvisorHarness.fromRules(Path.of("rules"));
    }

    /** Findings about the reporting period itself: CHURN_COMPOUNDING explains what a monthly rate means in a year. */
    private static final Set<String> ABOUT_THE_PERIOD = Set.of("CHURN_COMPOUNDING");

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    /** P1: one business reported as 12 months, 4 quarters or 1 year gets the same verdict and the same codes. */
    @ParameterizedTest(name = "business {0}")
    @MethodSource("seeds")
    void theReportingPeriodDoesNotChangeTheVerdict(long seed) {
        assertTheSameVerdictThreeWays(new OneBusiness(seed));
    }

    /** P1 and P12: with spend, burn, cash and margins every month, the money and efficiency verdicts agree too. */
    @ParameterizedTest(name = "business {0}")
    @MethodSource("seeds")
    void theReportingPeriodDoesNotChangeTheFinanceVerdicts(long seed) {
        assertTheSameVerdictThreeWays(new OneBusiness(seed, true));
    }

    private static void assertTheSameVerdictThreeWays(OneBusiness business) {
        DiagnosisResult monthly = advisor.diagnose(business.monthly());
        DiagnosisResult quarterly = advisor.diagnose(business.quarterly());
        DiagnosisResult annual = advisor.diagnose(business.annual());

        assertThat(quarterly.health()).as("quarterly").isEqualTo(monthly.health());
        assertThat(annual.health()).as("annual").isEqualTo(monthly.health());
        assertThat(findings(quarterly, ABOUT_THE_PERIOD)).as("quarterly codes")
                .isEqualTo(findings(monthly, ABOUT_THE_PERIOD));
        assertThat(findings(annual, ABOUT_THE_PERIOD)).as("annual codes").isEqualTo(findings(monthly, ABOUT_THE_PERIOD));
    }

    /** P12: acquired MRR is left out of every efficiency metric, so an acquisition moves none of their bands. */
    @ParameterizedTest(name = "business {0}")
    @MethodSource("seeds")
    void anAcquisitionChangesNoEfficiencyBand(long seed) {
        OneBusiness business = new OneBusiness(seed, true);
        DiagnosisResult organic = advisor.diagnose(business.monthly());
        DiagnosisResult bought = advisor.diagnose(business.monthlyWithAcquisition(0.05 + (seed % 10) * 0.05));

        for (String code : EFFICIENCY) {
            assertThat(band(bought, code)).as(code).isEqualTo(band(organic, code));
        }
    }

    /** P14: with net burn, runway under 6 months never leaves the health better than critical. */
    @ParameterizedTest(name = "business {0}")
    @MethodSource("seeds")
    void runwayUnderSixMonthsWithBurnIsCritical(long seed) {
        DiagnosisResult result = advisor.diagnose(new OneBusiness(seed, true).monthly());
        double runway = value(result, "company", "runway_months", Double.POSITIVE_INFINITY);
        double burn = value(result, "company", "mean_monthly_burn", 0);

        if (runway < 6 && burn > 0) {
            assertThat(result.health()).isEqualTo("critical");
            assertThat(result.diagnoses()).extracting(Diagnosis::code).contains("RUNWAY_SHORT");
        }
    }

    /** The runway property is not vacuous: enough of the businesses burn with under 6 months of cash, and more. */
    @org.junit.jupiter.api.Test
    void theGeneratedBusinessesHoldShortAndLongRunways() {
        long shortRunways = seeds().mapToObj(seed -> advisor.diagnose(new OneBusiness(seed, true).monthly()))
                .filter(result -> value(result, "company", "runway_months", 99) < 6).count();
        long withAMagicNumber = seeds().mapToObj(seed -> advisor.diagnose(new OneBusiness(seed, true).monthly()))
                .filter(result -> !Double.isNaN(value(result, "company", "magic_number", Double.NaN))).count();

        assertThat(shortRunways).isBetween(10L, 190L);
        assertThat(withAMagicNumber).isEqualTo(200L);
    }

    /** P2: every amount times k gives the same health and codes, and every money impact times k. */
    @ParameterizedTest(name = "business {0}")
    @MethodSource("seeds")
    void moneyScaleDoesNotChangeTheVerdict(long seed) {
        GeneratedBusiness business = new GeneratedBusiness(seed);
        DiagnosisResult base = advisor.diagnose(business.json());
        DiagnosisResult scaled = advisor.diagnose(business.scaled(1000));

        assertThat(scaled.health()).isEqualTo(base.health());
        assertThat(findings(scaled, MONEY_BANDED)).isEqualTo(findings(base, MONEY_BANDED));
        for (Diagnosis diagnosis : base.diagnoses()) {
            if (diagnosis.impact() != null && !MONEY_BANDED.contains(diagnosis.code())) {
                Diagnosis same = find(scaled, diagnosis);
                assertThat(same.impact()).as(diagnosis.code() + " impact")
                        .isCloseTo(diagnosis.impact() * 1000, within(Math.max(1.0, diagnosis.impact() * 1000 * 1e-5)));
            }
        }
    }

    /** P3: breakdowns, cohorts and customers in another order give byte-identical output. */
    @ParameterizedTest(name = "business {0}")
    @MethodSource("seeds")
    void orderDoesNotMatterAndOutputIsDeterministic(long seed) {
        GeneratedBusiness business = new GeneratedBusiness(seed);
        String base = withoutTimestamps(ResultJson.write(advisor.diagnose(business.json())));

        assertThat(withoutTimestamps(ResultJson.write(advisor.diagnose(business.shuffled(seed * 31)))))
                .isEqualTo(base);
        assertThat(withoutTimestamps(ResultJson.write(advisor.diagnose(business.json())))).isEqualTo(base);
    }

    /** P4: a slice that pays nothing (a free plan) adds no finding and removes none. */
    @ParameterizedTest(name = "business {0}")
    @MethodSource("seeds")
    void aFreePlanChangesNothing(long seed) {
        GeneratedBusiness business = new GeneratedBusiness(seed);
        DiagnosisResult base = advisor.diagnose(business.json());
        DiagnosisResult withFree = advisor.diagnose(business.withFreePlan());

        assertThat(withFree.health()).isEqualTo(base.health());
        assertThat(findings(withFree, Set.of())).isEqualTo(findings(base, Set.of()));
        DiagnosisResult sparse = advisor.diagnose(business.sparse());
        DiagnosisResult sparseWithFree = advisor.diagnose(business.sparseWithFreePlan());
        assertThat(sparseWithFree.health()).as("sparse").isEqualTo(sparse.health());
        assertThat(findings(sparseWithFree, Set.of())).as("sparse").isEqualTo(findings(sparse, Set.of()));
    }

    /** P6: below the floor of customers, no finding stands on a customer rate; SMALL_SAMPLE says so. */
    @ParameterizedTest(name = "business {0}")
    @MethodSource("seeds")
    void fewerCustomersThanTheFloorNeverYieldARateFinding(long seed) {
        DiagnosisResult result = advisor.diagnose(new GeneratedBusiness(seed).json());
        double base = value(result, "company", "rate_base_customers", Double.NaN);

        if (base < advisor.ruleSet().limits().get("min_customers_for_rates")) {
            assertThat(result.diagnoses()).filteredOn(d -> d.scope().equals("company"))
                    .extracting(Diagnosis::code).doesNotContainAnyElementsOf(RATE_FINDINGS);
            assertThat(result.diagnoses()).extracting(Diagnosis::code).contains("SMALL_SAMPLE");
        }
    }

    /** P9: no impact exceeds the annual revenue of its scope. */
    @ParameterizedTest(name = "business {0}")
    @MethodSource("seeds")
    void noImpactExceedsTheAnnualRevenueOfItsScope(long seed) {
        DiagnosisResult result = advisor.diagnose(new GeneratedBusiness(seed).json());

        for (Diagnosis diagnosis : result.diagnoses()) {
            if (diagnosis.impact() == null) {
                continue;
            }
            assertThat(diagnosis.impact()).as(diagnosis.code() + " at " + diagnosis.scope())
                    .isLessThanOrEqualTo(value(result, diagnosis.scope(), "arr", Double.POSITIVE_INFINITY));
        }
    }

    /** The efficiency metrics an acquisition must not move (judgment.md P12). */
    private static final List<String> EFFICIENCY = List.of("rule_of_40", "magic_number", "burn_multiple", "quick_ratio",
            "arr_growth_rate_yoy");

    private static String band(DiagnosisResult result, String code) {
        return result.metrics().stream().filter(m -> m.scope().equals("company") && m.code().equals(code))
                .map(m -> m.band() == null ? "no band" : m.band()).findFirst().orElse("absent");
    }

    private static double value(DiagnosisResult result, String scope, String code, double otherwise) {
        return result.metrics().stream().filter(m -> m.scope().equals(scope) && m.code().equals(code))
                .mapToDouble(DiagnosisResult.MetricValue::value).findFirst().orElse(otherwise);
    }

    private static List<String> findings(DiagnosisResult result, Set<String> leftOut) {
        return result.diagnoses().stream().filter(d -> !leftOut.contains(d.code()))
                .map(d -> d.code() + "@" + d.scope() + "/" + d.severity()).sorted().toList();
    }

    private static Diagnosis find(DiagnosisResult result, Diagnosis like) {
        return result.diagnoses().stream()
                .filter(d -> d.code().equals(like.code()) && d.scope().equals(like.scope())).findFirst().orElseThrow();
    }

    private static String withoutTimestamps(String json) {
        return json.replaceAll("\"loaded_at\" : \"[^\"]*\"", "");
    }
}
