package com.healthadvisor.report;

import com.healthadvisor.fixture.FixtureRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a finance lead would not forward: raw codes, unformatted numbers, empty sections, fetched resources. */
class ReportContentTest {

    private static final Pattern SNAKE_CASE = Pattern.compile("\\b[a-z0-9]+_[a-z0-9_]+\\b");
    private static final Pattern UPPER_CODE = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b");
    private static final Pattern LONG_DECIMAL = Pattern.compile("\\d+\\.\\d{3,}");
    /** Two marks where one belongs: "rate.." or "churn:." or "growth, ." (an ellipsis is three dots, and fine). */
    private static final Pattern DOUBLED_PUNCTUATION =
            Pattern.compile("[,;:] *[.,;:]|\\. *[,;:]|(?<!\\.)\\. ?\\.(?!\\.)|\\?\\.|!\\.");

    static List<Path> fixtures() {
        return FixtureRunner.fixtures(Path.of("fixtures"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void markdownHasWordsAndFormattedNumbersOnly(Path fixture) {
        String markdown = SeedReports.of(fixture).markdown();
        String prose = markdown.replaceAll("`[^`]*`", "");

        assertThat(SNAKE_CASE.matcher(prose).results().map(m -> m.group()).toList()).isEmpty();
        assertThat(UPPER_CODE.matcher(prose).results().map(m -> m.group()).toList()).isEmpty();
        assertThat(LONG_DECIMAL.matcher(prose).results().map(m -> m.group()).toList()).isEmpty();
        assertThat(prose).doesNotContain("n/a", "NaN", "null", "Infinity", "{{", "}}");
        String withCodeAsWords = markdown.replaceAll("`[^`]*`", "code");
        assertThat(DOUBLED_PUNCTUATION.matcher(withCodeAsWords).results().map(m -> m.group()).toList()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findingsAreNumberedInTheOrderShownAndActionsUseTheseNumbers(Path fixture) {
        String markdown = SeedReports.of(fixture).markdown();
        List<Integer> numbers = Pattern.compile("(?m)^#### (\\d+)\\. ").matcher(markdown).results()
                .map(m -> Integer.parseInt(m.group(1))).toList();
        List<Integer> cited = Pattern.compile("_\\(#(\\d+): ").matcher(markdown).results()
                .map(m -> Integer.parseInt(m.group(1))).toList();

        assertThat(numbers).isEqualTo(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList());
        assertThat(cited).allSatisfy(n -> assertThat(n).isBetween(1, numbers.size()));
    }

    /** Every retention a cohort can have gets a cell colour its number can be read on (WCAG AA, 4.5:1). */
    @Test
    void heatmapNumbersAreReadableOnEveryCellColour() {
        for (int permille = 0; permille <= 1000; permille++) {
            HeatColour colour = HeatColour.of(permille / 1000.0);
            double fill = HeatColour.luminance(rgb(colour.fill()));
            double text = HeatColour.luminance(rgb(colour.text()));
            double contrast = (Math.max(fill, text) + 0.05) / (Math.min(fill, text) + 0.05);

            assertThat(contrast).as("%s on %s at %d‰", colour.text(), colour.fill(), permille).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(SeedReports.of("seed-2-warning-signs").html(false)).doesNotContain("hsl(");
    }

    private static int[] rgb(String hex) {
        return new int[] {Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
                Integer.parseInt(hex.substring(5, 7), 16)};
    }

    @Test
    void bandChartsCarryTheirThresholdsAndAScale() {
        String html = SeedReports.of("seed-2-warning-signs").html(false);
        String chart = html.substring(html.indexOf("Key metrics against their benchmark bands"));
        chart = chart.substring(0, chart.indexOf("</svg>"));

        // Monthly logo churn's bands meet at 2% and 5% (benchmarks.csv); NRR's problem edge is 90%.
        assertThat(chart).contains(">2.0%</text>", ">5.0%</text>", ">90.0%</text>");
        assertThat(chart).containsPattern("<line x1=\"\\d+\" x2=\"\\d+\" y1=");
    }

    @Test
    void theInputsAReportAsksForAreAShortListWrittenAsKeys() {
        String markdown = SeedReports.of("seed-2-warning-signs").markdown();
        String html = SeedReports.of("seed-2-warning-signs").html(false);

        // One line per input to send (judgment.md P17), not one field path per code.
        assertThat(markdown).contains("**To judge more, send**", "(`finance`) | ", "Too much cash burnt")
                .doesNotContain("`metrics.burn_multiple`", "finance.net burn");
        assertThat(markdown.split("\\(`finance`\\)", -1)).hasSize(2);
        assertThat(html).contains("<code>finance</code>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void noSectionIsEmpty(Path fixture) {
        List<String> lines = SeedReports.of(fixture).markdown().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int level = headingLevel(lines.get(i));
            if (level == 0) {
                continue;
            }
            boolean hasContent = false;
            for (int j = i + 1; j < lines.size() && (headingLevel(lines.get(j)) == 0 || headingLevel(lines.get(j)) > level); j++) {
                hasContent |= headingLevel(lines.get(j)) == 0 && !lines.get(j).isBlank();
            }
            assertThat(hasContent).as("section %s has content", lines.get(i)).isTrue();
        }
    }

    private static int headingLevel(String line) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        return level > 0 && level < line.length() && line.charAt(level) == ' ' ? level : 0;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void htmlIsSelfContained(Path fixture) {
        String html = SeedReports.of(fixture).html(false);

        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script", "<link", "@import", "url(")
                .doesNotContain("{{").doesNotContain("src=");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://");
    }

    @Test
    void theFollowsTheStandardReportStructure() {
        String markdown = SeedReports.of("seed-2-warning-signs").markdown();

        assertThat(markdown).containsSubsequence("## Executive summary", "**Top risks**", "**Trends**",
                "## Metric drill-downs", "## Action items and next steps", "## Appendix", "**Definitions**",
                "**To judge more, send**", "Rule set ");
        assertThat(markdown).contains("# SMB marketing automation SaaS (seed 002, example 2): SaaS health report, June 2024");
    }

    @Test
    void targetsGetTheirOwnSection() {
        String markdown = SeedReports.of(Path.of("fixtures/targets-missed-and-met.json")).markdown();

        assertThat(markdown).contains("## Performance vs targets", "| NRR | 110.0% | 105.0% | Missed |",
                "| Logo churn | 2.0% | 1.5% | Met |");
    }

    @Test
    void actionsAreGroupedByOwnerInRankOrder() {
        String markdown = SeedReports.of("seed-2-warning-signs").markdown();
        String actions = markdown.substring(markdown.indexOf("## Action items"), markdown.indexOf("## Appendix"));

        // Ranks ascend within each owner; #1 (RETENTION_FIRST) carries the first action of each flag it gathers (P10).
        assertThat(actions).containsSubsequence("**Executive**", "_(#1:", "_(#3:", "**Customer Success**", "_(#1:",
                "_(#6:");
    }

    /**
     * One action per owner and intent: "Stop scaling acquisition until retention is fixed", "Fix retention before
     * scaling acquisition" and "Stop scaling acquisition until new cohorts retain as well as the old ones" are one
     * action for the executive, naming every finding it serves; an action with another intent stays.
     */
    @Test
    void anActionIsNotRepeatedForItsOwnerAndNamesEveryFindingItServes() {
        String markdown = SeedReports.of("seed-2-warning-signs").markdown();
        String executive = markdown.substring(markdown.indexOf("**Executive**"), markdown.indexOf("**Customer Success**"));

        assertThat(executive.lines().filter(line -> line.startsWith("- ") && line.contains("acquisition until")))
                .hasSize(1);
        assertThat(executive).doesNotContain("Fix retention before scaling");
        assertThat(executive).contains("Stop scaling acquisition until retention is fixed _(#1: ")
                .contains("; #4: Newer cohorts retain worse than older ones");
        assertThat(executive).contains("Hold acquisition budgets flat until churn is out of the crisis band _(#3: ");
    }

    @Test
    void actionsOfOneIntentAreToldApartFromOthersByTheirWords() {
        assertThat(Intent.same("Stop scaling acquisition until retention is fixed",
                "Fix retention before scaling acquisition")).isTrue();
        assertThat(Intent.same("Report monthly and compounded annual churn side by side",
                "Report monthly and compounded annual churn side by side")).isTrue();
        assertThat(Intent.same("Stop scaling acquisition until retention is fixed",
                "Hold acquisition budgets flat until churn is out of the crisis band")).isFalse();
        assertThat(Intent.same("Segment churn by customer size, cohort and exit reason",
                "Compare the accounts lost in recent periods with earlier ones by cohort, plan and exit reason"))
                .isFalse();
        assertThat(Intent.same("Call", "Call")).isTrue();
    }

    @Test
    void theFragmentIsASectionWithScopedStyles() {
        String fragment = SeedReports.of("seed-1-healthy-saas").html(true);

        assertThat(fragment.strip()).startsWith("<section class=\"ha-report\">").endsWith("</section>");
        assertThat(fragment).doesNotContain("<html", "<body");
        assertThat(fragment.lines().filter(line -> line.startsWith(".") || line.startsWith("@media")))
                .allMatch(rule -> rule.startsWith(".ha-report") || rule.startsWith("@media"));
    }

    @Test
    void chartsAppearOnlyWithTheirData() {
        String withCohorts = SeedReports.of("seed-2-warning-signs").html(false);
        String withoutCohorts = SeedReports.of("seed-1-healthy-saas").html(false);

        assertThat(withCohorts).contains("Customers retained by cohort and age");
        assertThat(withoutCohorts).doesNotContain("Customers retained by cohort and age", "MRR bridge from starting");
        assertThat(SeedReports.of(Path.of("fixtures/mrr-bridge-mismatch-fires-above-half-percent.json")).html(false))
                .contains("MRR bridge from starting to ending MRR");
        assertThat(SeedReports.of(Path.of("fixtures/customer-concentration-fires-high-on-top-10.json")).html(false))
                .contains("Shares of MRR against their concentration lines");
    }

    /**
     * Moves of a few percent of MRR would be a pixel or two on an axis from zero: the axis starts at a round amount
     * below the bridge's lowest point instead, drawn broken and labelled; large moves keep the axis at zero.
     */
    @Test
    void aBridgeOfSmallMovesIsDrawnOnABrokenAxisSoThatTheMovesShow(@org.junit.jupiter.api.io.TempDir Path temp)
            throws java.io.IOException {
        Path small = temp.resolve("small-moves.json");
        java.nio.file.Files.writeString(small, "{\"company\":\"Steady\",\"period\":\"2024-06\",\"mrr\":{"
                + "\"starting\":500000,\"new\":20000,\"expansion\":5000,\"contraction\":3000,\"churned\":12000,"
                + "\"ending\":510000}}");
        String html = SeedReports.of(small).html(false);
        assertThat(html).contains("MRR bridge from starting to ending MRR, the axis starting at $460K")
                .contains(">axis from $460K</text>");
        java.util.regex.Matcher losses = java.util.regex.Pattern.compile(
                "height=\"(\\d+)\" fill=\"#c0392b\"").matcher(html.substring(html.indexOf("MRR bridge from starting"),
                html.indexOf("</svg>", html.indexOf("MRR bridge from starting"))));
        int bars = 0;
        while (losses.find()) {
            assertThat(Integer.parseInt(losses.group(1))).as("a loss's bar in pixels").isGreaterThanOrEqualTo(8);
            bars++;
        }
        assertThat(bars).isEqualTo(2);

        Path large = temp.resolve("large-moves.json");
        java.nio.file.Files.writeString(large, "{\"company\":\"Young\",\"period\":\"2024-06\",\"mrr\":{"
                + "\"starting\":100000,\"new\":80000,\"churned\":20000,\"ending\":160000}}");
        assertThat(SeedReports.of(large).html(false)).contains("MRR bridge from starting to ending MRR\"")
                .doesNotContain("axis from");
    }

    @Test
    void periodsAndMoneyAreWrittenAsPeopleWriteThem() {
        assertThat(Words.period("2024-06")).isEqualTo("June 2024");
        assertThat(Words.period("2024-Q2")).isEqualTo("Q2 2024");
        // judgment.md P9: the Legacy decline puts about $6M a year at stake; the product's $24M is exposure.
        assertThat(SeedReports.of("seed-3-blended-metrics-hiding-problems").markdown())
                .contains("$6.3M a year at stake", "$24M a year exposed");
    }
}
