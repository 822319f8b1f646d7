package com.healthadvisor.report;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** judgment.md P10 in the report's tables: a number next to a band edge or a target is never rounded onto it. */
class ReportPrecisionTest {

    private static final AdvisorHarness ADVISOR = AdvisorHarness.fromRules(Path.of("rules"));

    private static String markdown(String json) {
        Snapshot snapshot = new SnapshotReader().read(json);
        DiagnosisResult result = ADVISOR.diagnose(snapshot);
        return Reports.markdown(result, snapshot, ADVISOR.ruleSet());
    }

    @Test
    void aMagicNumberJustUnderItsEdgeIsNotWrittenAsTheEdge() {
        String report = markdown("""
                {"period":"2024-06","metrics":{"magic_number":0.49,"burn_multiple":2.02}}""");

        assertThat(report).contains("0.49×", "2.02×").doesNotContain("| 0.5×", "| 2.0×");
    }

    @Test
    void anActualJustShortOfItsTargetIsNotWrittenAsTheTarget() {
        String report = markdown("""
                {"period":"2024-06","metrics":{"nrr":0.9996},"targets":{"nrr":1.0}}""");

        assertThat(report).contains("99.96%").doesNotContain("| 100.0% | 100.0%");
    }
}
