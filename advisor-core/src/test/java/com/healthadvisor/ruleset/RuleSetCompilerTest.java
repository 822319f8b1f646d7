package com.healthadvisor.ruleset;

import com.healthadvisor.RuleSetException;
import com.healthadvisor.RuleProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetCompilerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private final RuleSetCompiler compiler = new RuleSetCompiler(CLOCK);
    private List<RuleFile> files;

    @BeforeEach
    void readTheDefaultRules() throws IOException {
        files = new ArrayList<>(RuleSetLoader.read(Path.of("rules")));
    }

    private void replace(String name, String from, String to) {
        RuleFile file = files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        assertThat(file.content()).contains(from);
        files.set(files.indexOf(file), new RuleFile(name, file.content().replace(from, to)));
    }

    private List<String> problems() {
        try {
            compiler.compile(files);
        } catch (RuleSetException e) {
            return e.problems().stream().map(RuleProblem::toString).toList();
        }
        throw new AssertionError("the rule set compiled");
    }

    @Test
    void theDefaultRuleSetCompilesWithAVersionThatDependsOnlyOnContent() {
        RuleSet first = compiler.compile(files);
        RuleSet second = compiler.compile(files);

        assertThat(first.version()).isEqualTo(second.version()).matches("[0-9a-f]{8}");
        assertThat(first.loadedAt()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(first.wording()).hasSize(48);

        replace("limits.csv", "blended_average_spread,10,", "blended_average_spread,12,");
        assertThat(compiler.compile(files).version()).isNotEqualTo(first.version());
    }

    @Test
    void aChangeOutsideTheDrlReusesTheKieBaseWithTheNewLimitsAndWording() {
        RuleSet first = compiler.compile(files);

        replace("limits.csv", "blended_average_spread,10,", "blended_average_spread,12,");
        replace("efficiency.yaml", "Start fundraising or cut burn now", "Raise now");
        RuleSet changed = compiler.compile(files);

        assertThat(changed.kieBase()).isSameAs(first.kieBase());
        assertThat(changed.sessions()).isSameAs(first.sessions());
        assertThat(changed.version()).isNotEqualTo(first.version());
        assertThat(changed.limits().forRules().value("blended_average_spread")).isEqualTo(12);
        assertThat(changed.wording().get("RUNWAY_SHORT").actions().toString()).contains("Raise now");
    }

    @Test
    void aDrlChangeBuildsANewKieBaseAndARefusedOneKeepsTheLastForReuse() {
        RuleSet first = compiler.compile(files);

        replace("efficiency.drl", "rule \"Runway is under six months\"\nwhen", "rule \"Runway is under six months\"\nwhen when");
        assertThat(problems()).isNotEmpty();
        replace("efficiency.drl", "rule \"Runway is under six months\"\nwhen when", "rule \"Runway is under six months\"\nwhen");
        assertThat(compiler.compile(files).kieBase()).isSameAs(first.kieBase());

        replace("efficiency.drl", "rule \"Runway is under six months\"", "rule \"Runway is short\"");
        RuleSet renamed = compiler.compile(files);
        assertThat(renamed.kieBase()).isNotSameAs(first.kieBase());
        assertThat(renamed.kieBase().getRule("rules", "Runway is short")).isNotNull();
    }

    @Test
    void insertsOnlyTheLimitFactsARuleNamesUnlessAPatternMayMatchAny() {
        // The catalog reads its limits as limits.value("name"): no Limit fact is inserted for it.
        assertThat(compiler.compile(files).limitFacts()).isEmpty();

        replace("expansion.drl", "import com.healthadvisor.facts.Finding;\n",
                "import com.healthadvisor.facts.Finding;\nimport com.healthadvisor.facts.Limit;\n");
        replace("expansion.drl", "$nrr : Metric(code == \"nrr\", scope == \"company\", band == \"good\", "
                        + "value < limits.value(\"expansion_driven_nrr\"))",
                "Limit(name == \"expansion_driven_nrr\", $driven : value)\n    $nrr : Metric(code == \"nrr\", "
                        + "scope == \"company\", band == \"good\", value < $driven)");
        assertThat(compiler.compile(files).limitFacts()).extracting(com.healthadvisor.facts.Limit::name)
                .containsExactly("expansion_driven_nrr");

        replace("expansion.drl", "Limit(name == \"expansion_driven_nrr\", $driven : value)",
                "Limit($driven : value, name == \"expansion_driven_nrr\")");

        long limitsInTheFile = files.stream().filter(f -> f.name().equals("limits.csv")).findFirst().orElseThrow()
                .content().lines().filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("name,"))
                .count();
        assertThat(compiler.compile(files).limitFacts()).hasSize((int) limitsInTheFile);
    }

    @Test
    void aDrlSyntaxErrorNamesTheFileAndLine() {
        replace("efficiency.drl", "rule \"Runway is under six months\"\nwhen", "rule \"Runway is under six months\"\nwhen when");

        assertThat(problems()).anyMatch(p -> p.startsWith("efficiency.drl:5") || p.startsWith("efficiency.drl:6"));
    }

    @Test
    void aRuleEmittingACodeWithoutWordingIsAnError() {
        replace("efficiency.drl", "\"RUNWAY_SHORT\"", "\"RUNWAY_TOO_SHORT\"");

        assertThat(problems()).anyMatch(p -> p.matches("efficiency\\.drl:\\d+: rule \"Runway is under six months\" "
                + "emits RUNWAY_TOO_SHORT, which no wording file describes"));
    }

    @Test
    void anUnknownMetricBandOrLimitInAConditionIsAnError() {
        replace("expansion.drl", "limits.value(\"expansion_driven_nrr\")", "limits.value(\"expansion_nrr\")");
        replace("growth.drl", "code == \"quick_ratio\", scope == \"company\", band == \"excellent\"",
                "code == \"quick_ration\", scope == \"company\", band == \"excellent\"");

        assertThat(problems()).anyMatch(p -> p.contains("expansion.drl:") && p.endsWith("unknown limit \"expansion_nrr\"; add it to limits.csv"))
                .anyMatch(p -> p.contains("growth.drl:") && p.endsWith("unknown metric \"quick_ration\"; did you mean \"quick_ratio\"?"));
    }

    @Test
    void aLimitRemovedUnderAnUnchangedDrlIsStillAnError() {
        compiler.compile(files);
        String line = files.stream().filter(f -> f.name().equals("limits.csv")).findFirst().orElseThrow().content()
                .lines().filter(l -> l.startsWith("expansion_driven_nrr,")).findFirst().orElseThrow();

        replace("limits.csv", line + "\n", "");

        assertThat(problems()).anyMatch(p -> p.contains("expansion.drl:")
                && p.endsWith("unknown limit \"expansion_driven_nrr\"; add it to limits.csv"));
    }

    @Test
    void overlappingBandsAreAnError() {
        replace("benchmarks.csv", "nrr,acceptable,90% to 100%", "nrr,acceptable,90% to 105%");

        assertThat(problems()).anyMatch(p -> p.matches("benchmarks\\.csv:\\d+: band acceptable \\(90% to 105%\\) "
                + "overlaps band good \\(100% to 120%\\) of nrr on line \\d+"));
    }

    @Test
    void aQuoteLeftOpenIsAnErrorAtItsLineAndAQuotedCommaIsAValue() {
        replace("benchmarks.csv", "gross_margin,good,>= 70%", "gross_margin,good,\">= 70%");
        replace("limits.csv", "blended_average_spread,10,", "blended_average_spread,\"10\",");
        int line = lineOf("benchmarks.csv", "gross_margin,good,");

        assertThat(problems()).contains("benchmarks.csv:" + line + ": not a CSV line: Missing closing quote for value; "
                + "a value that holds a comma or a quote goes in double quotes, a quote in it doubled")
                .noneMatch(p -> p.startsWith("limits.csv"));
    }

    private int lineOf(String name, String start) {
        String content = files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().content();
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " not in " + name);
    }

    @Test
    void aBandOfAnUnknownMetricOrQualifierIsAnError() {
        replace("benchmarks.csv", "gross_margin,good,>= 70%", "gross_marjin,good,>= 70%");
        replace("benchmarks.csv", "arpa,below_market,< $100,,smb", "arpa,below_market,< $100,,small");

        assertThat(problems()).anyMatch(p -> p.endsWith("unknown metric \"gross_marjin\"; did you mean \"gross_margin\"?"))
                .anyMatch(p -> p.endsWith("unknown market \"small\"; use enterprise, mid_market, mixed, none, smb (several with |)"));
    }

    @Test
    void wordingProblemsNameTheLine() {
        replace("concentration.yaml", "  dimension: concentration\n  title: Revenue depends on a few customers",
                "  dimension: concentrashun\n  titel: Revenue depends on a few customers");
        replace("concentration.yaml", "{top10_customer_share}", "{top_ten_share}");

        assertThat(problems())
                .anyMatch(p -> p.matches("concentration\\.yaml:\\d+: unknown dimension \"concentrashun\" in CUSTOMER_CONCENTRATION.*"))
                .anyMatch(p -> p.matches("concentration\\.yaml:\\d+: unknown key \"titel\" in CUSTOMER_CONCENTRATION; did you mean \"title\"\\?"));
    }

    @Test
    void anUnknownPlaceholderIsAnError() {
        replace("concentration.yaml", "{top10_customer_share}", "{top_ten_share}");

        assertThat(problems()).anyMatch(p -> p.matches("concentration\\.yaml:\\d+: CUSTOMER_CONCENTRATION: placeholder "
                + "\\{top_ten_share\\} names no metric, note or built-in; did you mean \\{.*\\}\\?"));
    }

    @Test
    void aMissingBenchmarksFileIsAnError() {
        files.removeIf(f -> f.name().equals("benchmarks.csv"));

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("benchmarks.csv: missing: the rule set needs benchmarks.csv");
    }
}
