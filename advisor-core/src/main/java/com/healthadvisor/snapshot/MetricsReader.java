package com.healthadvisor.snapshot;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.catalog.Unit;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a {@code metrics} or {@code targets} section: known metric codes to values in their possible range. */
final class MetricsReader {

    private MetricsReader() {
    }

    static Map<String, Double> metrics(JsonNode node, String pointer, Fields fields) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (Fields.absent(node)) {
            return values;
        }
        if (!node.isObject()) {
            fields.fail(pointer, "must be an object of metric codes to numbers (was " + Fields.describe(node) + ")");
            return values;
        }
        for (var entry : node.properties()) {
            String code = entry.getKey();
            String at = Fields.child(pointer, code);
            Optional<MetricDefinition> definition = MetricCatalog.find(code);
            if (definition.isEmpty()) {
                fields.fail(at, "unknown metric code; did you mean \"" + MetricCatalog.nearest(code) + "\"?");
                continue;
            }
            MetricDefinition known = definition.get();
            double given = entry.getValue().isNumber() ? Fields.toDouble(entry.getValue()) : 0;
            String hint = known.unit() != Unit.RATIO || given <= known.max() || given <= 1 ? ""
                    : known.max() <= 1 ? "; ratios are fractions: 0.06, not 6" : "; ratios are fractions: 1.10, not 110";
            Double value = fields.between(entry.getValue(), at, known.min(), known.max(), hint);
            if (value != null) {
                // The table's own string: facts downstream hash and compare it without reading its characters.
                values.put(known.code(), value);
            }
        }
        return values;
    }
}
