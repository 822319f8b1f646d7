package com.healthadvisor.report;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's charts draw the bands of the rule set that made the diagnosis, not thresholds of their own. */
class ChartsFollowTheRulesTest {

    /** One customer of ten paying 12%, the others 9.8% each; a product at 65% of MRR. */
    private static final String SNAPSHOT = """
            {"period":"2024-06","profile":{"market":"smb"},
             "mrr":{"starting":100000,"new":0,"expansion":0,"contraction":0,"churned":0,"ending":100000},
             "customer_revenue":[{"customer":"big","mrr":12000},{"customer":"c1","mrr":9800},{"customer":"c2","mrr":9800},
               {"customer":"c3","mrr":9800},{"customer":"c4","mrr":9800},{"customer":"c5","mrr":9800},
               {"customer":"c6","mrr":9800},{"customer":"c7","mrr":9800},{"customer":"c8","mrr":9800},
               {"customer":"c9","mrr":9800}],
             "breakdowns":[{"dimension":"product","name":"Core","mrr":{"ending":65000}},
                           {"dimension":"product","name":"Add-on","mrr":{"ending":35000}}]}""";

    private static String html(Path rules) {
        AdvisorHarness advisor = AdvisorHarness.fromRules(rules);
        Snapshot snapshot = new SnapshotReader().read(SNAPSHOT);
        DiagnosisResult result = advisor.diagnose(snapshot);
        return Reports.html(result, snapshot, advisor.ruleSet(), true);
    }

    @Test
    void theConcentrationLinesAreTheBandEdgesOfBenchmarksCsv(@TempDir Path rules) throws IOException {
        copy(rules);
        assertThat(html(rules)).contains("(10.0% for one customer, 40.0% for the top ten, 60.0% for one product)");

        Path benchmarks = rules.resolve("benchmarks.csv");
        Files.writeString(benchmarks, Files.readString(benchmarks)
                .replace("top_customer_share,ok,<= 10%", "top_customer_share,ok,<= 15%")
                .replace("top_customer_share,concentrated,10% to 25%", "top_customer_share,concentrated,15% to 25%")
                .replace("largest_product_share,ok,<= 60%", "largest_product_share,ok,<= 70%")
                .replace("largest_product_share,concentrated,60% to 80%", "largest_product_share,concentrated,70% to 80%"));

        String moved = html(rules);
        assertThat(moved).contains("(15.0% for one customer, 40.0% for the top ten, 70.0% for one product)");
        // The tick of the largest customer moves with the line: 250 + 15% of 420 pixels.
        assertThat(moved).contains("<rect x=\"313\" y=\"20\" width=\"2\" height=\"20\" fill=\"#8e1f14\"/>");
    }

    @Test
    void aBandIsDrawnInTheToneItsLineGivesItWhateverItsName(@TempDir Path rules) throws IOException {
        copy(rules);
        Path benchmarks = rules.resolve("benchmarks.csv");
        // A new band name, in the good tone: drawn green, not red for being a name the report does not know.
        Files.writeString(benchmarks, Files.readString(benchmarks)
                .replace("largest_product_share,concentrated,60% to 80%,,,,watch",
                        "largest_product_share,focused,60% to 80%,,,,good"));
        Path drl = rules.resolve("concentration.drl");
        Files.writeString(drl, Files.readString(drl).replace(
                "code == \"largest_product_share\", scope == \"company\", band == \"concentrated\"",
                "code == \"largest_product_share\", scope == \"company\", band == \"focused\""));

        Matcher segment = Pattern.compile("fill=\"(#[0-9a-f]{6})\"/>\\s*<text[^>]*>focused</text>").matcher(html(rules));

        assertThat(segment.find()).isTrue();
        // The product's share (65%) is in that band: drawn in the strong green of an active good band.
        assertThat(segment.group(1)).isEqualTo("#2e8540");
    }

    private static void copy(Path target) throws IOException {
        for (RuleFile file : RuleSetLoader.read(Path.of("rules"))) {
            Files.writeString(target.resolve(file.name()), file.content());
        }
    }
}
