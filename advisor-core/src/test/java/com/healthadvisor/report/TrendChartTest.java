package com.healthadvisor.report;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.ruleset.Benchmarks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbench's trend of one metric: a point per period in its band's tone, the edges it crosses, words escaped. */
class TrendChartTest {

    private static final Benchmarks BENCHMARKS = AdvisorHarness.fromRules(Path.of("rules")).ruleSet().benchmarks();

    @Test
    void eachPeriodIsAPointInItsBandsToneWithTheEdgesBetween() {
        String svg = TrendChart.svg("logo_churn_rate_monthly", "logo churn", List.of(
                new TrendChart.Point("2024-05", 0.015, "great", "/r/5"), new TrendChart.Point("2024-06", 0.07, "crisis", "/r/6")),
                "ratio", BENCHMARKS, new ValueFormat("USD"));

        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("aria-label=\"logo churn, 2 periods, May 2024 to Jun 2024, from ");
        assertThat(svg.split("<circle", -1)).hasSize(3);
        assertThat(svg).contains("<title>May 2024: ", "<title>Jun 2024: ", "class=\"edge\"");
        assertThat(svg).doesNotContain("tone-neutral");
    }

    @Test
    void wordsFromTheDataAreEscaped() {
        String svg = TrendChart.svg("mrr", "MRR <b>&</b>", List.of(new TrendChart.Point("<period>", 10, null)),
                "money", BENCHMARKS, new ValueFormat("USD"));

        assertThat(svg).doesNotContain("<b>", "<period>").contains("MRR &lt;b&gt;&amp;&lt;/b&gt;", "&lt;period&gt;")
                .contains("tone-neutral");
    }

    @Test
    void theAxisIsDatedTheEdgesLabelledAndAStoredPointLinksToItsReport() {
        String svg = TrendChart.svg("quick_ratio", "quick ratio", List.of(
                        new TrendChart.Point("2024-01", 1.5, null, null),
                        new TrendChart.Point("2024-02", 1.8, null, "/companies/acme/periods/2024-02"),
                        new TrendChart.Point("2024-03", 1.96, "leaky_bucket", "/companies/acme/periods/2024-03"),
                        new TrendChart.Point("2024-06", 4.2, "efficient", "/companies/acme/periods/2024-06")),
                "multiple", BENCHMARKS, new double[] {1.0, 2.0, 4.0}, new ValueFormat("USD"));

        assertThat(svg).contains(">Jan 2024</text>", ">Jun 2024</text>");
        assertThat(svg).contains("class=\"edge-label\"", ">2.0×</text>", ">4.0×</text>");
        // 1.96 stays under the edge of 2 as it is written.
        assertThat(svg).contains("Mar 2024: 1.96×, leaky bucket").doesNotContain("Mar 2024: 2.0×");
        assertThat(svg).contains("<a href=\"/companies/acme/periods/2024-03\"");
        assertThat(svg.split("<a href=", -1)).hasSize(4);
        assertThat(svg).contains("Jan 2024: 1.5× (from the snapshot&#39;s history)").contains("history\" r=");
        // April and May are missing: the line breaks there.
        assertThat(svg.split("<polyline", -1)).hasSize(3);
    }

    @Test
    void monthsAreWrittenAsPeopleWriteThemAndOtherPeriodsAsTheyAre() {
        assertThat(TrendChart.when("2024-06")).isEqualTo("Jun 2024");
        assertThat(TrendChart.when("2024-12")).isEqualTo("Dec 2024");
        assertThat(TrendChart.when("2024-Q2")).isEqualTo("2024-Q2");
    }
}
