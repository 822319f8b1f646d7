package com.healthadvisor.diagnosis;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.report.ResultJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The result's arrays come in the order docs/contract.md gives ("Order"), not in one a hash happened to give. */
class OutputOrderTest {

    private static final AdvisorHarness ADVISOR = AdvisorHarness.fromRules(Path.of("rules"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void reportedFiguresComeInTheOrderTheSnapshotListsThem() throws IOException {
        String document = Files.readString(Path.of("fixtures", "seed-2-warning-signs.json"));
        List<String> listed = new ArrayList<>(JSON.readTree(document).get("metrics").propertyNames());
        List<String> reversed = new ArrayList<>(listed);
        java.util.Collections.reverse(reversed);
        String reversedDocument = withMetricsIn(document, reversed);

        assertThat(reportedCompanyCodes(document)).isEqualTo(listed);
        assertThat(reportedCompanyCodes(reversedDocument)).isEqualTo(reversed);
    }

    @Test
    void companyThenBreakdownsThenCohorts() throws IOException {
        for (String seed : List.of("seed-2-warning-signs", "seed-3-blended-metrics-hiding-problems")) {
            JsonNode result = result(Files.readString(Path.of("fixtures", seed + ".json")));
            List<String> groups = new ArrayList<>();
            for (JsonNode metric : result.get("metrics")) {
                String scope = metric.get("scope").asString();
                String group = scope.equals("company") ? "company" : scope.startsWith("cohort:") ? "cohort" : "slice";
                if (groups.isEmpty() || !groups.get(groups.size() - 1).equals(group)) {
                    groups.add(group);
                }
            }
            assertThat(groups).as(seed).isSubsetOf("company", "slice", "cohort").doesNotHaveDuplicates();
            assertThat(List.of("company", "slice", "cohort")).as(seed).containsSubsequence(groups);
        }
    }

    @Test
    void notAssessedByCodeAndDiagnosesByRank() throws IOException {
        JsonNode result = result(Files.readString(Path.of("fixtures", "seed-1-healthy-saas.json")));
        List<String> codes = new ArrayList<>();
        result.get("not_assessed").forEach(n -> codes.add(n.get("code").asString()));
        List<Integer> ranks = new ArrayList<>();
        result.get("diagnoses").forEach(d -> ranks.add(d.get("rank").asInt()));

        assertThat(codes).isSorted();
        assertThat(ranks).isSorted().doesNotHaveDuplicates();
    }

    private static List<String> reportedCompanyCodes(String document) {
        List<String> codes = new ArrayList<>();
        for (JsonNode metric : result(document).get("metrics")) {
            if (metric.get("scope").asString().equals("company") && metric.get("source").asString().equals("reported")
                    && !metric.get("code").asString().equals("users")) {
                codes.add(metric.get("code").asString());
            }
        }
        return codes;
    }

    private static JsonNode result(String document) {
        return JSON.readTree(ResultJson.write(ADVISOR.diagnose(document)));
    }

    /** The document with its "metrics" keys in the given order. */
    private static String withMetricsIn(String document, List<String> order) {
        ObjectNode root = (ObjectNode) JSON.readTree(document);
        JsonNode metrics = root.get("metrics");
        ObjectNode reordered = JSON.createObjectNode();
        order.forEach(code -> reordered.set(code, metrics.get(code)));
        root.set("metrics", reordered);
        return JSON.writeValueAsString(root);
    }
}
