package com.healthadvisor.company;

import com.healthadvisor.catalog.Unit;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored period's document with the stored earlier periods as its {@code history}, so that trends, trailing
 * windows and churn change work from month-by-month submissions. An entry the document sends itself wins; where it
 * disagrees with what was stored for that period, the largest gap becomes the metric
 * {@code stored_history_gap_rate}, which the rules judge as a data-quality finding.
 */
final class HistoryAssembly {

    static final String GAP_METRIC = "stored_history_gap_rate";

    private HistoryAssembly() {
    }

    /**
     * @param document the document to diagnose, history included
     * @param outside  the gap metric, when some period was both sent and stored
     */
    record Assembled(byte[] document, List<Metric> outside) {
    }

    /** @param earlier the stored periods before the document's, of its form and currency, oldest first */
    static Assembled assemble(String document, List<CompanyStore.PeriodFigures> earlier) {
        ObjectNode root = (ObjectNode) Json.PLAIN.readTree(document);
        if (earlier.isEmpty()) {
            return new Assembled(Json.PLAIN.writeValueAsBytes(root), List.of());
        }
        Map<Integer, JsonNode> byMonth = new TreeMap<>();
        for (CompanyStore.PeriodFigures stored : earlier) {
            byMonth.put(stored.endMonth(), Json.PLAIN.readTree(stored.figures()));
        }
        double largestGap = -1;
        JsonNode sent = root.get("history");
        if (sent instanceof ArrayNode entries) {
            for (JsonNode entry : entries) {
                String period = entry.path("period").asString("");
                Integer month = com.healthadvisor.snapshot.Periods.endMonth(period);
                JsonNode stored = month == null ? null : byMonth.get(month);
                if (stored != null) {
                    largestGap = Math.max(largestGap, gap(entry, stored));
                }
                if (month != null) {
                    byMonth.put(month, entry);
                }
            }
        }
        ArrayNode history = root.putArray("history");
        byMonth.values().forEach(history::add);
        List<Metric> outside = largestGap < 0 ? List.of() : List.of(Metric.ofCompany(GAP_METRIC,
                Math.round(largestGap * 1e6) / 1e6, Unit.RATIO, Metric.COMPUTED, null));
        return new Assembled(Json.PLAIN.writeValueAsBytes(root), outside);
    }

    /**
     * The largest relative difference between the numbers both entries give, each against the larger of the two
     * (so 0 to 1 for amounts of one sign); a number only one of them gives is more detail, not a disagreement.
     */
    static double gap(JsonNode sent, JsonNode stored) {
        double largest = 0;
        for (Map.Entry<String, JsonNode> field : sent.properties()) {
            JsonNode other = stored.get(field.getKey());
            if (other == null) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isObject() && other.isObject()) {
                largest = Math.max(largest, gap(value, other));
            } else if (value.isNumber() && other.isNumber()) {
                double a = value.doubleValue();
                double b = other.doubleValue();
                double scale = Math.max(Math.abs(a), Math.abs(b));
                largest = Math.max(largest, scale == 0 ? 0 : Math.abs(a - b) / scale);
            }
        }
        return largest;
    }
}
