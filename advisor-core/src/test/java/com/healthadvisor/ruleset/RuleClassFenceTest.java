package com.healthadvisor.ruleset;

import com.healthadvisor.RuleProblem;
import com.healthadvisor.catalog.Unit;
import com.healthadvisor.facts.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Defense in depth: code that got past the allow-list still cannot link to what reaches outside the facts. */
class RuleClassFenceTest {

    private final RuleClassFence fence = new RuleClassFence(getClass().getClassLoader());

    @Test
    void theFactsAndValueTypesPass() throws ClassNotFoundException {
        assertThat(fence.loadClass("com.healthadvisor.facts.Metric")).isSameAs(Metric.class);
        assertThat(Class.forName("java.util.List", false, fence)).isSameAs(List.class);
        assertThat(fence.loadClass("java.math.BigDecimal")).isSameAs(java.math.BigDecimal.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.Runtime", "java.lang.System", "java.lang.Thread", "java.lang.ProcessBuilder",
            "java.lang.ClassLoader", "java.lang.reflect.Method", "java.lang.invoke.MethodHandles", "java.beans.Expression",
            "java.io.File", "java.nio.file.Files", "java.net.Socket", "java.util.concurrent.Executors",
            "java.util.regex.Pattern", "javax.script.ScriptEngineManager", "org.springframework.util.FileCopyUtils",
            "org.drools.util.IoUtils",
            // Files and settings through java.util
            "java.util.Formatter", "java.util.Scanner", "java.util.ServiceLoader", "java.util.Properties",
            "java.util.ResourceBundle", "java.util.Timer", "java.util.zip.ZipFile", "java.util.jar.JarFile",
            // Processes, modules and the JVM
            "java.lang.ProcessHandle", "java.lang.Module", "java.lang.ModuleLayer", "java.lang.Runtime$Version",
            "java.lang.StackWalker", "java.lang.ThreadLocal", "java.lang.invoke.MethodHandle",
            "java.lang.reflect.Proxy", "java.lang.management.ManagementFactory", "java.security.AccessController",
            // A second rule base, outside this fence and the allow-list
            "org.kie.api.KieServices", "org.kie.api.KieServices$Factory", "org.kie.api.builder.KieFileSystem",
            "org.kie.api.builder.KieBuilder", "org.kie.api.runtime.KieContainer", "org.kie.api.runtime.KieSession",
            "org.kie.internal.utils.KieHelper", "org.drools.compiler.builder.impl.KnowledgeBuilderImpl",
            "org.drools.mvel.MVELSafeHelper", "org.mvel2.MVEL",
            // The service around the rules
            "com.healthadvisor.live.RuleDirectory", "com.healthadvisor.company.CompanyMemory",
            "com.healthadvisor.facts.sub.Anything"})
    void whatReachesOutsideTheFactsIsRefused(String name) {
        assertThatThrownBy(() -> fence.loadClass(name)).isInstanceOf(ClassNotFoundException.class);
    }

    /**
     * The fence lists exact classes, so every construct the allow-list admits must still run behind it: a rule of
     * each, fired on facts, many times over so that Drools also jits its constraints.
     */
    @Test
    void everyConstructTheAllowListAdmitsRunsBehindTheFence() throws Exception {
        String drl = """
                package rules;
                import com.healthadvisor.facts.*;
                rule "Arithmetic, Math and text"
                when
                    $l : Limit(name == "spread", $s : value)
                    $m : Metric(code == "nrr", value >= $s * 2 - 1 && value / 2 < 10 || value != 0, band != null,
                                scope in ("company", "x"), unit not in ("days"))
                then
                    insert(Finding.of("A", "high", $m).note("gap", Math.abs($m.value() - $s), "points")
                            .note("most", Math.max(Math.min($s, 1), -1)).note("words", "nrr " + $m.code() + " " + $s)
                            .in($m.scope()).about($m.dimension()));
                end
                rule "Accumulate functions"
                when
                    accumulate($m : Metric(code in ("nrr", "grr"), $v : value, $c : code);
                               $n : count($m), $sum : sum($v), $avg : average($v), $min : min($v), $max : max($v),
                               $codes : collectSet($c), $all : collectList($m);
                               $n > 1, $codes.size() >= 1)
                then
                    insert(Finding.of("B", "medium").note("n", $n).note("sum", $sum).note("avg", $avg)
                            .note("min", $min).note("max", $max).note("codes", $codes.size()));
                end
                rule "Not, exists, forall and findings"
                when
                    $f : Finding(code == "A", severity != null)
                    not Finding(code == "C")
                    exists Metric(code == "grr")
                    forall($x : Metric(code == "grr") Metric(code == "grr", value == $x.value))
                    accumulate($g : Finding(code in ("A", "B")); $found : collectList($g))
                then
                    insert(Finding.of("C", "low").basedOn($found).with());
                end
                """;
        assertThat(DrlAllowList.check("constructs.drl", new org.drools.drl.parser.DrlParser().parse(false, drl), drl))
                .isEmpty();
        List<RuleProblem> problems = new ArrayList<>();
        KieBase kieBase = DrlCompiler.compile(List.of(new RuleFile("constructs.drl", drl)), problems);
        assertThat(problems).isEmpty();

        for (int round = 0; round < 60; round++) {
            KieSession session = kieBase.newKieSession();
            session.insert(new com.healthadvisor.facts.Limit("spread", 0.25 + round));
            session.insert(new Metric("nrr", "company", "company", null, 0.9 + round, "ratio", "computed", null,
                    "healthy", 1).withBand("healthy", "x"));
            session.insert(Metric.ofCompany("grr", 0.8, Unit.RATIO, Metric.COMPUTED, 1));

            assertThat(session.fireAllRules()).isEqualTo(3);
            assertThat(session.getObjects(o -> o instanceof com.healthadvisor.facts.Finding)).hasSize(3);
            session.dispose();
        }
    }

    @Test
    void aMissStaysAMiss() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> fence.loadClass("com.healthadvisor.facts.Nothing"))
                    .isInstanceOf(ClassNotFoundException.class).hasMessageContaining("com.healthadvisor.facts.Nothing");
        }
    }

    /** Compiled without the allow-list in front, as if it had missed these: the classes still cannot link. */
    @ParameterizedTest
    @ValueSource(strings = {
            "java.lang.Runtime.getRuntime().exec(new String[]{\"touch\", \"MARKER\"});",
            "java.nio.file.Files.writeString(java.nio.file.Path.of(\"MARKER\"), \"x\");",
            "new java.beans.Expression(Class.class, \"for\" + \"Name\", new Object[]{\"java.lang.Runtime\"}).getValue();",
            "new java.io.FileOutputStream(\"MARKER\").close();",
            "new java.util.Formatter(\"MARKER\").close();",
            "org.kie.api.KieServices.Factory.get().newKieFileSystem();"})
    void aConsequenceTheCheckerMissedCannotLink(String consequence) throws Exception {
        Path marker = Files.createTempDirectory("fence").resolve("marker");
        String drl = """
                package rules;
                import com.healthadvisor.facts.Metric;
                rule "Escapes"
                when
                    $m : Metric(code == "nrr")
                then
                    %s
                end
                """.formatted(consequence.replace("MARKER", marker.toString()));
        List<RuleProblem> problems = new ArrayList<>();
        KieBase kieBase = DrlCompiler.compile(List.of(new RuleFile("escape.drl", drl)), problems);
        assertThat(problems).isEmpty();

        KieSession session = kieBase.newKieSession();
        session.insert(Metric.ofCompany("nrr", 0.8, Unit.RATIO, Metric.COMPUTED, 1));

        assertThatThrownBy(session::fireAllRules).hasRootCauseInstanceOf(ClassNotFoundException.class);
        assertThat(marker).doesNotExist();
        session.dispose();
    }
}
