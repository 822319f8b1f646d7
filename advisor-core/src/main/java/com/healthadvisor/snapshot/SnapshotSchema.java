package com.healthadvisor.snapshot;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The snapshot's JSON Schema: the hand-written sections of {@code schema/snapshot.schema.json}, with the
 * {@code metrics} section's codes, ranges and formulas filled in from the metric catalog, so that a metric is
 * defined once and the schema cannot fall behind the reader.
 */
public final class SnapshotSchema {

    private static final String RESOURCE = "/schema/snapshot.schema.json";
    private static final String TEXT = Json.PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(build());

    private SnapshotSchema() {
    }

    /** The schema as JSON text, the same in every run. */
    public static String text() {
        return TEXT;
    }

    private static JsonNode build() {
        ObjectNode schema = (ObjectNode) read();
        ObjectNode metrics = (ObjectNode) schema.at("/$defs/metrics");
        metrics.remove("$comment");
        ArrayNode codes = (ArrayNode) metrics.at("/propertyNames/anyOf/0/enum");
        ObjectNode properties = (ObjectNode) metrics.get("properties");
        for (MetricDefinition metric : MetricCatalog.all()) {
            codes.add(metric.code());
            properties.set(metric.code(), property(metric));
        }
        return schema;
    }

    /** A value of the metric: a number within its range, or null for "not known". */
    private static ObjectNode property(MetricDefinition metric) {
        ObjectNode property = Json.PLAIN.createObjectNode();
        property.set("type", Json.PLAIN.createArrayNode().add("number").add("null"));
        property.put("description", metric.label() + " (" + metric.unit() + "): " + metric.formula());
        bound(property, "minimum", metric.min());
        bound(property, "maximum", metric.max());
        return property;
    }

    /** A finite bound, whole ones written as integers (0, 1, 10); an infinite one is no bound. */
    private static void bound(ObjectNode property, String name, double bound) {
        if (bound == Math.rint(bound) && Double.isFinite(bound)) {
            property.put(name, (long) bound);
        } else if (Double.isFinite(bound)) {
            property.put(name, bound);
        }
    }

    private static JsonNode read() {
        try (InputStream in = SnapshotSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return Json.PLAIN.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
