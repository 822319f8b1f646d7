package com.healthadvisor.ruleset;

import com.healthadvisor.RuleProblem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inspections kept beside a compile read back as they were written, or not at all. */
class StoredInspectionsTest {

    @Test
    void theCatalogsInspectionsReadBackAsTheyWereWritten() throws IOException {
        Map<String, DrlInspector.Inspection> inspections = catalogsInspections();

        assertThat(StoredInspections.read(StoredInspections.write(inspections))).isEqualTo(inspections);
    }

    @Test
    void anyMetricAndAnyLimitReadBackAsSuch() throws IOException {
        var inspection = new DrlInspector.Inspection(List.of(new DrlInspector.Declared("Rule \"quoted\", ünïcode", 3)),
                List.of(new DrlInspector.Emission("X_CODE", "warning", "Rule", 9)), Set.of(), true, null, null);

        assertThat(StoredInspections.read(StoredInspections.write(Map.of("key", inspection))))
                .containsExactlyEntriesOf(Map.of("key", inspection));
    }

    @Test
    void anInspectionThatFailedIsNeverStored() {
        var failed = new DrlInspector.Inspection(List.of(), List.of(), Set.of(), false, Set.of(), Set.of());

        assertThatThrownBy(() -> StoredInspections.write(Map.of("key", failed)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyShortenedCopyFailsToRead() throws IOException {
        byte[] bytes = StoredInspections.write(catalogsInspections());
        for (int length = 0; length < bytes.length; length += 7) {
            byte[] shortened = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> StoredInspections.read(shortened)).as("%d bytes", length)
                    .isInstanceOf(IOException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> StoredInspections.read(longer)).isInstanceOf(IOException.class);
    }

    /** What a compile of the shipped rules inspects, by the keys a compile stores them under. */
    private static Map<String, DrlInspector.Inspection> catalogsInspections() {
        List<RuleFile> files = RuleSetLoader.read(Path.of("rules"));
        Benchmarks benchmarks = Benchmarks.parse(named(files, Benchmarks.FILE), new ArrayList<>());
        Limits limits = Limits.parse(named(files, Limits.FILE), new ArrayList<>());
        Map<String, DrlInspector.Inspection> inspections = new HashMap<>();
        for (RuleFile drl : files.stream().filter(RuleFile::isDrl).toList()) {
            List<RuleProblem> problems = new ArrayList<>();
            inspections.put(drl.name(), DrlInspector.inspect(drl, benchmarks, limits, problems));
            assertThat(problems).isEmpty();
        }
        assertThat(inspections).hasSizeGreaterThan(5);
        return inspections;
    }

    private static RuleFile named(List<RuleFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
