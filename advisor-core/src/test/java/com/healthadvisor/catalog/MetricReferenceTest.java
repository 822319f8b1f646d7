package com.healthadvisor.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/metrics.md ends with the catalog's table, as {@link MetricReference} writes it: run with
 * {@code -Dmetrics.update=true} to rewrite it after a change to the catalog.
 */
class MetricReferenceTest {

    private static final Path DOCUMENT = Path.of("docs/metrics.md");

    @Test
    void docsMetricsMdEndsWithTheCatalogsTable() throws IOException {
        String document = Files.readString(DOCUMENT);
        int begin = document.indexOf(MetricReference.BEGIN);
        int end = document.indexOf(MetricReference.END);
        if (Boolean.getBoolean("metrics.update")) {
            String before = begin < 0 ? document.stripTrailing() + "\n\n## Every metric\n\n"
                    : document.substring(0, begin);
            String after = end < 0 ? "\n" : document.substring(end + MetricReference.END.length());
            document = before + MetricReference.markdown() + after;
            Files.writeString(DOCUMENT, document);
            begin = document.indexOf(MetricReference.BEGIN);
            end = document.indexOf(MetricReference.END);
        }

        assertThat(begin).as("docs/metrics.md has the generated table: run with -Dmetrics.update=true").isPositive();
        assertThat(document.substring(begin, end + MetricReference.END.length()))
                .as("the catalog changed: run this test with -Dmetrics.update=true to rewrite docs/metrics.md")
                .isEqualTo(MetricReference.markdown());
    }

    @Test
    void everyMetricOfTheCatalogHasItsRow() {
        String table = MetricReference.markdown();
        for (MetricDefinition metric : MetricCatalog.all()) {
            assertThat(table).contains("| `" + metric.code() + "` |");
        }
    }
}
