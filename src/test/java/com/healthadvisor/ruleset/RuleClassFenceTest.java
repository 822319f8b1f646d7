package com.healthadvisor.ruleset;

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
            "org.drools.util.IoUtils"})
    void whatReachesOutsideTheFactsIsRefused(String name) {
        assertThatThrownBy(() -> fence.loadClass(name)).isInstanceOf(ClassNotFoundException.class);
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
            "new java.io.FileOutputStream(\"MARKER\").close();"})
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
        session.insert(new Metric("nrr", "company", "company", null, 0.8, "ratio", "computed", null, null, 1));

        assertThatThrownBy(session::fireAllRules).hasRootCauseInstanceOf(ClassNotFoundException.class);
        assertThat(marker).doesNotExist();
        session.dispose();
    }
}
