package com.healthadvisor.snapshot;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The published JSON Schema names the same metric codes as the advisor accepts, each with its range and formula. */
class SnapshotSchemaTest {

    @Test
    void schemaListsEveryKnownMetricCode() {
        JsonNode schema = JsonMapper.builder().build().readTree(SnapshotSchema.text());
        List<String> codes = new ArrayList<>();
        schema.at("/$defs/metrics/propertyNames/anyOf/0/enum").forEach(code -> codes.add(code.asString()));

        assertThat(codes).containsExactlyElementsOf(MetricCatalog.all().stream().map(MetricDefinition::code).toList());
    }

    /** Each metric's range in the schema is the catalog's, the one the reader checks a reported value against. */
    @Test
    void schemaGivesEachMetricTheRangeTheReaderChecks() {
        JsonNode metrics = JsonMapper.builder().build().readTree(SnapshotSchema.text()).at("/$defs/metrics/properties");
        for (MetricDefinition metric : MetricCatalog.all()) {
            JsonNode range = metrics.get(metric.code());
            assertThat(range).as(metric.code()).isNotNull();
            assertThat(range.has("minimum") ? range.get("minimum").asDouble() : Double.NEGATIVE_INFINITY)
                    .as(metric.code() + " minimum").isEqualTo(metric.min());
            assertThat(range.has("maximum") ? range.get("maximum").asDouble() : Double.POSITIVE_INFINITY)
                    .as(metric.code() + " maximum").isEqualTo(metric.max());
            assertThat(range.get("description").asString()).as(metric.code()).contains(metric.formula());
        }
    }
}
