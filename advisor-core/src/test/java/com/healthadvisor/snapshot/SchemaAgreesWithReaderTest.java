package com.healthadvisor.snapshot;

import com.healthadvisor.InvalidSnapshotException;
import com.healthadvisor.TestFiles;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The published JSON Schema and the reader say the same of a document wherever a schema can say it: every fixture
 * passes both, every bad input the reader refuses is refused by the schema unless the reason is one a schema cannot
 * express, a null is absent to both, and a ratio out of its range is refused by both.
 */
class SchemaAgreesWithReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = schema();
    private static final SnapshotReader READER = new SnapshotReader();

    /** Refusals no JSON Schema can express: they compare fields, order entries, or are not JSON at all. */
    private static final Set<String> BEYOND_A_SCHEMA = Set.of("snapshot-400-digit-integer",
            "snapshot-churn-and-contraction-above-starting-mrr", "snapshot-churned-customers-above-starting",
            "snapshot-duplicate-breakdown", "snapshot-duplicate-customer", "snapshot-duplicate-key",
            "snapshot-history-not-oldest-first", "snapshot-history-of-another-form", "snapshot-infinite-amount",
            "snapshot-nan-amount", "snapshot-quarter-without-quarterly-periodicity", "snapshot-unknown-currency-code",
            "snapshot-unparseable-json", "snapshot-year-ago-capped-above-then", "snapshot-year-with-monthly-periodicity");

    private static Schema schema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SnapshotSchema.text());
    }

    static Stream<Path> fixtures() throws IOException {
        return Files.list(Path.of("fixtures")).filter(f -> f.toString().endsWith(".json")
                && !f.toString().endsWith(".expected.json")).sorted();
    }

    static Stream<Path> badInputs() throws IOException {
        return Files.list(TestFiles.BAD_INPUT).filter(f -> f.toString().endsWith(".json")).sorted();
    }

    private static List<Error> errors(String json) {
        return SCHEMA.validate(JSON.readTree(json));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixturePassesBoth(Path fixture) throws IOException {
        String json = Files.readString(fixture);

        assertThat(errors(json)).isEmpty();
        READER.read(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void whatTheReaderRefusesTheSchemaRefusesWhereASchemaCan(Path bad) throws IOException {
        String json = Files.readString(bad);
        String name = bad.getFileName().toString().replace(".json", "");

        assertThatThrownBy(() -> READER.read(json)).isInstanceOf(InvalidSnapshotException.class);
        if (!BEYOND_A_SCHEMA.contains(name)) {
            assertThat(errors(json)).as(name).isNotEmpty();
        }
    }

    /** Every optional value of a full snapshot set to null, one at a time: absent to the reader, allowed by the schema. */
    @Test
    void aNullIsAbsentToBoth() throws IOException {
        JsonNode full = JSON.readTree(Files.readString(Path.of("fixtures/seed-3-blended-metrics-hiding-problems.json")));
        List<String> disagreements = new ArrayList<>();
        for (String pointer : optionalValues(full, "")) {
            ObjectNode copy = (ObjectNode) full.deepCopy();
            ObjectNode parent = (ObjectNode) copy.at(pointer.substring(0, pointer.lastIndexOf('/')));
            parent.putNull(pointer.substring(pointer.lastIndexOf('/') + 1));
            String json = copy.toString();
            boolean readerAccepts = accepts(json);
            boolean schemaAccepts = errors(json).isEmpty();
            if (readerAccepts != schemaAccepts) {
                disagreements.add(pointer + ": reader " + readerAccepts + ", schema " + schemaAccepts);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aRatioOutsideItsRangeIsRefusedByBoth() {
        for (String json : List.of("{\"period\":\"2024-06\",\"metrics\":{\"nrr\":110}}",
                "{\"period\":\"2024-06\",\"targets\":{\"logo_churn_rate\":6}}",
                "{\"period\":\"2024-06\",\"metrics\":{\"gross_margin\":75}}")) {
            assertThat(accepts(json)).as(json).isFalse();
            assertThat(errors(json)).as(json).isNotEmpty();
        }
    }

    private static boolean accepts(String json) {
        try {
            READER.read(json);
            return true;
        } catch (InvalidSnapshotException e) {
            return false;
        }
    }

    /** The pointers of the values inside objects, but for those the contract requires (period, names of slices). */
    private static List<String> optionalValues(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                String pointer = at + "/" + name;
                if (!Set.of("period", "dimension", "name", "cohort", "customer").contains(name)) {
                    pointers.add(pointer);
                }
                pointers.addAll(optionalValues(node.get(name), pointer));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isObject() || node.get(i).isArray()) {
                    pointers.addAll(optionalValues(node.get(i), at + "/" + i));
                }
            }
        }
        return pointers;
    }
}
