package com.healthadvisor.ruleset;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.DiagnosisResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog reads its limits as {@code limits.value("name")}; rule files written with {@code Limit(name == ...)}
 * patterns keep working, and judge exactly alike: every fixture is diagnosed by the catalog and by the catalog
 * rewritten with a Limit pattern for every limit each rule reads.
 */
class LimitFormsTest {

    private static final Pattern LIMIT_VALUE = Pattern.compile("limits\\.value\\(\"([a-z0-9_]+)\"\\)");

    @Test
    void aRuleReadingLimitFactsJudgesEveryFixtureAsTheCatalogDoes() throws IOException {
        List<RuleFile> catalog = RuleSetLoader.read(Path.of("rules"));
        List<RuleFile> asFacts = catalog.stream().map(LimitFormsTest::withLimitFacts).toList();
        assertThat(asFacts).anyMatch(file -> file.content().contains("Limit(name == "));
        AdvisorHarness byValue = AdvisorHarness.of(new RuleSetCompiler(Clock.systemUTC()).compile(catalog));
        RuleSet factRules = new RuleSetCompiler(Clock.systemUTC()).compile(asFacts);
        assertThat(factRules.limitFacts()).hasSizeGreaterThan(10);
        AdvisorHarness byFact = AdvisorHarness.of(factRules);

        List<Path> snapshots;
        try (Stream<Path> files = Files.list(Path.of("fixtures"))) {
            snapshots = files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".expected.json"))
                    .sorted().toList();
        }
        assertThat(snapshots).hasSizeGreaterThan(100);
        for (Path snapshot : snapshots) {
            String json = Files.readString(snapshot);
            assertThat(withoutRuleSet(byFact.diagnose(json))).as(snapshot.toString())
                    .isEqualTo(withoutRuleSet(byValue.diagnose(json)));
        }
    }

    /** Each rule's limits as Limit patterns at the top of its conditions, bound to a variable each. */
    private static RuleFile withLimitFacts(RuleFile file) {
        if (!file.isDrl() || !file.content().contains("limits.value(")) {
            return file;
        }
        StringBuilder rewritten = new StringBuilder();
        for (String rule : file.content().split("(?m)(?=^rule )")) {
            List<String> names = LIMIT_VALUE.matcher(rule).results().map(m -> m.group(1)).distinct().toList();
            String patterns = names.stream().map(n -> "    Limit(name == \"" + n + "\", $limit_" + n + " : value)\n")
                    .reduce("", String::concat);
            rewritten.append(LIMIT_VALUE.matcher(rule.replaceFirst("(?m)^when\n", "when\n" + Matcher.quoteReplacement(patterns)))
                    .replaceAll(m -> Matcher.quoteReplacement("$limit_" + m.group(1))));
        }
        String content = rewritten.toString().replaceFirst("import com\\.healthadvisor\\.facts\\.Finding;",
                "import com.healthadvisor.facts.Finding;\nimport com.healthadvisor.facts.Limit;");
        return new RuleFile(file.name(), content);
    }

    private static DiagnosisResult withoutRuleSet(DiagnosisResult result) {
        return new DiagnosisResult(result.company(), result.period(), result.currency(), result.stage(), result.health(),
                result.healthReason(), null, result.dimensions(), result.diagnoses(), result.metrics(),
                result.notAssessed());
    }
}
