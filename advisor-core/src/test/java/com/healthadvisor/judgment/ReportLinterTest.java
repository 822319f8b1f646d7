package com.healthadvisor.judgment;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.Evidence;
import com.healthadvisor.fixture.FixtureRunner;
import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.report.Reports;
import com.healthadvisor.ruleset.Band;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report linter (judgment.md P15, P17): every number a reader sees is a number the rules judged, formatted once;
 * the MRR bridge adds up on the page; no negative ratio is banded as good; no advice to scale sits beside a finding
 * that forbids it. Run over every fixture and 200 generated businesses; a failure names the case and the sentence.
 */
class ReportLinterTest {

    /** A number as the advisor writes one: "$1.5K", "21.5%", "3.4×", "-17.0 pts", "1,050". */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\d\\w])[-−+]?(?:[$€£¥₹]|CA\\$|A\\$|CHF )?\\d[\\d,]*(?:\\.\\d+)?(?:K|M|B)?(?:%|×| pts)?");
    private static final Pattern SCALE_ADVICE = Pattern.compile(
            "scale acquisition|raise acquisition spend|raise the budget|spend more|invest more|keep investing",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BRIDGE_ROW = Pattern.compile("^\\| ([^|]+) \\| ([+−-]?)[^\\d|]*([\\d,]+(?:\\.\\d+)?) \\|$");
    private static final SnapshotReader READER = new SnapshotReader();

    private static AdvisorHarness advisor;

    @BeforeAll
    static void compileTheDefaultRules() {
        advisor = AdvisorHarness.fromRules(Path.of("rules"));
    }

    /** A case to lint: its name, the snapshot. */
    record Case(String name, Snapshot snapshot) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Stream<Case> fixtures = FixtureRunner.fixtures(Path.of("fixtures")).stream().map(path -> {
            try {
                return new Case(path.getFileName().toString(), FixtureRunner.snapshot(path));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Stream<Case> generated = JudgmentPropertiesTest.seeds().boxed().flatMap(seed -> Stream.of(
                new Case("generated business " + seed, READER.read(new GeneratedBusiness(seed).json())),
                new Case("one business with finance " + seed, READER.read(new OneBusiness(seed, true).monthly()))));
        return Stream.concat(fixtures, generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyNumberShownIsANumberJudged(Case lint) {
        DiagnosisResult result = advisor.diagnose(lint.snapshot());
        Set<String> judged = judgedNumbers(result, lint.snapshot());
        List<String> strays = new ArrayList<>();
        for (Diagnosis diagnosis : result.diagnoses()) {
            String sentence = diagnosis.explanation();
            if (diagnosis.code().equals("CHURN_COMPOUNDING")) {
                // Its "not the 24.0% that multiplying by 12 suggests" is a number it shows to be wrong.
                sentence = sentence.replaceAll("not the [^ ]+ that multiplying", "");
            }
            for (String number : numbers(sentence)) {
                if (!judged.contains(number)) {
                    strays.add(diagnosis.code() + ": \"" + number + "\" in: " + diagnosis.explanation());
                }
            }
        }
        assertThat(strays).as(lint.name()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMonthlyRateCompoundsToTheYearlyOneShownBesideIt(Case lint) {
        DiagnosisResult result = advisor.diagnose(lint.snapshot());
        for (Diagnosis diagnosis : result.diagnoses()) {
            if (diagnosis.code().equals("CHURN_COMPOUNDING")) {
                double monthly = evidence(diagnosis, "logo_churn_rate_monthly");
                double annual = evidence(diagnosis, "logo_churn_rate_annual");
                assertThat(1 - Math.pow(1 - monthly, 12)).as(lint.name() + ": " + diagnosis.explanation())
                        .isCloseTo(annual, org.assertj.core.data.Offset.offset(0.001));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theMrrBridgeAddsUpOnThePage(Case lint) {
        DiagnosisResult result = advisor.diagnose(lint.snapshot());
        String markdown = Reports.markdown(result, lint.snapshot(), advisor.ruleSet());
        int at = markdown.indexOf("## MRR bridge");
        if (at < 0) {
            return;
        }
        double sum = 0;
        Double ending = null;
        for (String line : markdown.substring(at).lines().skip(4).takeWhile(line -> line.startsWith("|")).toList()) {
            Matcher row = BRIDGE_ROW.matcher(line);
            assertThat(row.matches()).as(lint.name() + ": a bridge row as \"| movement | amount |\": " + line).isTrue();
            double amount = Double.parseDouble(row.group(3).replace(",", ""));
            if (row.group(1).equals("Ending MRR")) {
                ending = amount;
            } else {
                sum += row.group(2).isEmpty() || row.group(2).equals("+") ? amount : -amount;
            }
        }
        assertThat(ending).as(lint.name() + ": the bridge ends with Ending MRR").isNotNull();
        assertThat(sum).as(lint.name() + ": the bridge's lines add up to its ending MRR")
                .isCloseTo(ending, org.assertj.core.data.Offset.offset(0.011));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noNegativeRatioIsBandedAsGood(Case lint) {
        DiagnosisResult result = advisor.diagnose(lint.snapshot());
        for (DiagnosisResult.MetricValue metric : result.metrics()) {
            if (metric.value() < 0 && metric.band() != null
                    && (metric.unit().equals("multiple") || metric.unit().equals("months"))) {
                assertThat(tone(metric)).as(lint.name() + ": " + metric.code() + " " + metric.value() + " is "
                        + metric.band()).isNotEqualTo("good");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noAdviceToScaleBesideAFindingThatForbidsIt(Case lint) {
        DiagnosisResult result = advisor.diagnose(lint.snapshot());
        boolean forbidden = result.diagnoses().stream().anyMatch(d -> d.code().equals("RUNWAY_SHORT")
                && (d.severity().equals("critical") || d.severity().equals("high"))
                || d.severity().equals("critical") && Set.of("retention", "concentration").contains(d.dimension()));
        if (!forbidden) {
            return;
        }
        for (Diagnosis diagnosis : result.diagnoses()) {
            List<String> words = new ArrayList<>(List.of(diagnosis.title(), diagnosis.explanation()));
            diagnosis.actions().forEach(action -> words.add(action.action()));
            for (String sentence : words) {
                boolean stopping = sentence.toLowerCase(Locale.ROOT).matches(".*\\b(stop|hold|until|before)\\b.*");
                assertThat(SCALE_ADVICE.matcher(sentence).find() && !stopping)
                        .as(lint.name() + ": " + diagnosis.code() + " says \"" + sentence + "\"").isFalse();
            }
        }
    }

    /**
     * Every number the rules judged, as the report writes it: each metric's value (with the precision its bands need,
     * and plain), the numbers of each benchmark, impacts, and small whole numbers (ages, counts of findings).
     */
    private static Set<String> judgedNumbers(DiagnosisResult result, Snapshot snapshot) {
        ValueFormat format = new ValueFormat(snapshot.currency());
        Set<String> judged = new HashSet<>();
        for (DiagnosisResult.MetricValue metric : result.metrics()) {
            addFormatted(judged, format, metric.code(), metric.value(), metric.unit());
            if (metric.code().equals("rate_base_customers") && metric.value() > 0) {
                // SMALL_SAMPLE: how far one departure moves churn, 1 / customers.
                addFormatted(judged, format, "logo_churn_rate", 1 / metric.value(), "ratio");
            }
        }
        snapshot.targets().forEach((code, target) -> addFormatted(judged, format, code, target,
                com.healthadvisor.catalog.MetricCatalog.get(code).unit().word()));
        for (Diagnosis diagnosis : result.diagnoses()) {
            for (Evidence evidence : diagnosis.evidence()) {
                addFormatted(judged, format, evidence.metric(), evidence.value(), evidence.unit());
                if (evidence.benchmark() != null) {
                    judged.addAll(numbers(evidence.benchmark()));
                }
                // BLENDED_AVERAGE_HIDES_SEGMENTS: how many times one slice's average is another's.
                for (Evidence other : diagnosis.evidence()) {
                    if (other.metric().equals(evidence.metric()) && other.value() > 0) {
                        judged.add(format.format(evidence.value() / other.value(), "multiple"));
                    }
                }
            }
        }
        // The rule set's own words: "below 90%" in a title, "20-30%" in an explanation are text, not evidence.
        advisor.ruleSet().wording().values().forEach(wording -> {
            judged.addAll(numbers(wording.title()));
            judged.addAll(numbers(wording.explanation().replaceAll("\\{[^}]*}", " ")));
        });
        for (int small = 0; small <= 240; small++) {
            judged.add(String.valueOf(small));
        }
        return judged;
    }

    private static void addFormatted(Set<String> judged, ValueFormat format, String code, double value, String unit) {
        judged.add(format.format(value, unit, advisor.ruleSet().benchmarks().edges(code)));
        judged.add(format.format(value, unit));
    }

    private static List<String> numbers(String sentence) {
        List<String> found = new ArrayList<>();
        Matcher number = NUMBER.matcher(sentence);
        while (number.find()) {
            String token = number.group();
            // A trailing comma or full stop ends the sentence, not the number.
            found.add(token.replaceAll("[,.]$", ""));
        }
        return found;
    }

    private static double evidence(Diagnosis diagnosis, String code) {
        return diagnosis.evidence().stream().filter(e -> e.metric().equals(code)).mapToDouble(Evidence::value)
                .findFirst().orElseThrow();
    }

    private static String tone(DiagnosisResult.MetricValue metric) {
        return advisor.ruleSet().benchmarks().all().stream()
                .filter(band -> band.metric().equals(metric.code()) && band.name().equals(metric.band()))
                .map(Band::tone).findFirst().orElse("none");
    }
}
