package com.healthadvisor.ruleset;

import com.healthadvisor.RuleSetException;
import com.healthadvisor.security.RuleAttacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule file may use only the DRL the catalog needs; each attack is refused as file:line before compiling. */
class DrlAllowListTest {

    static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "advisor-allow-list-marker");

    private final RuleSetCompiler compiler = new RuleSetCompiler(Clock.systemUTC());
    private List<RuleFile> files;

    @BeforeEach
    void readTheDefaultRules() {
        files = new ArrayList<>(RuleSetLoader.read(Path.of("rules")));
    }

    static List<RuleAttacks.Attack> attacks() {
        return RuleAttacks.all(MARKER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void refusesEachAttackWithFileAndLine(RuleAttacks.Attack attack) {
        files.add(new RuleFile("attack.drl", attack.drl()));

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems())
                        .anyMatch(p -> p.file().equals("attack.drl") && p.line() > 0 && p.message().contains(attack.refusal())));
        assertThat(MARKER).doesNotExist();
    }

    @Test
    void theCatalogUsesOnlyWhatIsAllowed() {
        assertThat(compiler.compile(files).ruleCount()).isGreaterThan(50);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a binding and a literal comparison     | $m : Metric(code == "nrr", $scope : scope, value > 0.5)                       | insert(Finding.of("NRR_CRITICAL", "critical", $m).in($scope));
            in, not in and null                     | $m : Metric(code in ("nrr", "grr"), band not in ("excellent"), band != null)       | insert(Finding.of("NRR_CRITICAL", "critical", $m));
            arithmetic on bound values              | Limit(name == "blended_average_spread", $s : value) and $m : Metric(code == "arpu", value >= $s * 2 - 1) | insert(Finding.of("NRR_CRITICAL", "critical", $m).note("x", $m.value() / $s, "multiple"));
            a limit read by name                    | $m : Metric(code == "arpu", value >= limits.value("blended_average_spread") * 2 - 1) | insert(Finding.of("NRR_CRITICAL", "critical", $m).note("x", $m.value() / limits.value("blended_average_spread"), "multiple"));
            not, exists and or                      | $m : Metric(code == "nrr") and not Finding(severity == "critical") and (exists Metric(code == "grr") or exists Metric(code == "arpa")) | insert(Finding.of("NRR_CRITICAL", "critical", $m));
            a member of a bound variable            | $m : Metric(code == "nrr") and $n : Metric(code == "grr", scope == $m.scope, value < $m.value) | insert(Finding.of("NRR_CRITICAL", "critical", $m, $n).note("gap", Math.abs($m.value() - $n.value()), "points"));
            an accumulate of named functions        | accumulate($f : Finding(code in ("LOGO_CHURN_CRISIS"), $c : code); $codes : collectSet($c), $n : count($f); $codes.size() >= 1) | insert(Finding.of("RETENTION_FIRST", "critical").note("n", $n));
            """)
    void allowsTheLanguageTheCatalogNeeds(String construct, String condition, String consequence) {
        files.add(new RuleFile("allowed.drl", """
                package rules;
                import com.healthadvisor.facts.*;
                rule "Allowed"
                    salience -5
                    no-loop true
                when
                    %s
                then
                    %s
                end
                """.formatted(condition, consequence)));

        assertThat(compiler.compile(files).ruleCount()).isGreaterThan(50);
    }

    @Test
    void aBoundVariableMustStartWithADollar() {
        files.add(new RuleFile("plain.drl", """
                package rules;
                import com.healthadvisor.facts.*;
                rule "Plain names"
                when
                    m : Metric(code == "nrr")
                then
                    insert(Finding.of("NRR_CRITICAL", "critical", m));
                end
                """));

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("plain.drl:5: rule \"Plain names\": a bound variable starts with $ (was m)");
    }

    @Test
    void aFieldThatTheFactDoesNotHaveIsNamedWithTheFieldsItHas(@TempDir Path unused) {
        files.add(new RuleFile("typo.drl", """
                package rules;
                import com.healthadvisor.facts.*;
                rule "Typo"
                when
                    $l : Limit(nme == "x")
                then
                    insert(Finding.of("NRR_CRITICAL", "critical"));
                end
                """));

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("typo.drl:5: rule \"Typo\": \"nme\" is not a field of this fact; its fields are name, value");
    }
}
