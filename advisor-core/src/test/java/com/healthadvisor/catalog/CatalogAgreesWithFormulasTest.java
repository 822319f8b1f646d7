package com.healthadvisor.catalog;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.DiagnosisResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog is where a metric is defined: every code in a result (over the fixtures and a snapshot with every
 * section) is in it, every code it lists as computed (not reported only) is computed, and each has its formula in
 * words, which the report's appendix and the snapshot schema show.
 */
class CatalogAgreesWithFormulasTest {

    private static final AdvisorHarness ADVISOR = AdvisorHarness.fromRules(Path.of("rules"));

    /** The sections no fixture needs at once: revenue credits, the operating margin, users over two periods. */
    private static final String EVERY_SECTION = """
            {"company": "Every section", "period": "2024-06", "periodicity": "monthly", "currency": "USD",
             "users": 900,
             "mrr": {"starting": 100000, "new": 6000, "expansion": 2000, "reactivation": 0, "contraction": 1000,
                     "churned": 2000, "ending": 105150, "fx": 150},
             "customers": {"starting": 400, "new": 20, "reactivated": 0, "churned": 8, "ending": 412},
             "revenue": {"gross": 110000, "discounts": 3000, "refunds": 1000, "credits": 500},
             "finance": {"sales_marketing_spend": 40000, "net_burn": 20000, "cash": 900000, "gross_margin": 0.8,
                         "operating_margin": -0.1},
             "history": [{"period": "2024-05", "users": 880, "mrr": {"ending": 100000},
                          "customers": {"ending": 400}}]}
            """;

    @Test
    void everyComputedCodeIsInTheCatalogAndEveryCatalogCodeIsComputed() throws IOException {
        Set<String> computed = new TreeSet<>();
        for (Path fixture : fixtures()) {
            DiagnosisResult result = ADVISOR.diagnose(Files.readString(fixture));
            result.metrics().forEach(metric -> computed.add(metric.code()));
        }
        ADVISOR.diagnose(EVERY_SECTION).metrics().forEach(metric -> computed.add(metric.code()));

        assertThat(computed).allSatisfy(code -> assertThat(MetricCatalog.isKnown(code)).as(code).isTrue());
        List<String> neverComputed = MetricCatalog.all().stream().filter(metric -> !metric.reportedOnly())
                .map(MetricDefinition::code).filter(code -> !computed.contains(code)).toList();
        assertThat(neverComputed).isEmpty();
    }

    @Test
    void everyMetricHasAFormulaInWords() {
        assertThat(MetricCatalog.all()).allSatisfy(metric ->
                assertThat(metric.formula()).as(metric.code()).isNotBlank().doesNotContain("  "));
    }

    private static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("fixtures"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".expected.json"))
                    .sorted().toList();
        }
    }
}
