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
                new TrendChart.Point("2024-05", 0.015, "great"), new TrendChart.Point("2024-06", 0.07, "crisis")),
                "ratio", BENCHMARKS, new ValueFormat("USD"));

        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("aria-label=\"logo churn, 2 periods, from ");
        assertThat(svg.split("<circle", -1)).hasSize(3);
        assertThat(svg).contains("<title>2024-05: ", "<title>2024-06: ", "class=\"edge\"");
        assertThat(svg).doesNotContain("tone-neutral");
    }

    @Test
    void wordsFromTheDataAreEscaped() {
        String svg = TrendChart.svg("mrr", "MRR <b>&</b>", List.of(new TrendChart.Point("<period>", 10, null)),
                "money", BENCHMARKS, new ValueFormat("USD"));

        assertThat(svg).doesNotContain("<b>", "<period>").contains("MRR &lt;b&gt;&amp;&lt;/b&gt;", "&lt;period&gt;")
                .contains("tone-neutral");
    }
}
