package com.healthadvisor.diagnosis;

import com.healthadvisor.HealthAdvisor;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A rule that keeps triggering itself ends the evaluation with an error naming the limit, never a hang. */
class LoopingRuleTest {

    /** The default rules plus one that inserts a fact that triggers it again, forever. */
    private static RuleSet withALoop() {
        List<RuleFile> files = new ArrayList<>(RuleSetLoader.read(Path.of("rules")));
        files.add(new RuleFile("loop.drl", """
                package rules;
                import com.healthadvisor.facts.Limit;
                rule "Counts forever"
                when
                    $limit : Limit(name == "blended_average_spread")
                then
                    insert(new Limit("blended_average_spread", $limit.value() + 1));
                end
                """));
        return new RuleSetCompiler(Clock.systemUTC()).compile(files);
    }

    @Test
    void aSelfTriggeringRuleIsStoppedByTheFiringLimit() {
        HealthAdvisor advisor = HealthAdvisor.of(withALoop(), new Advisor(5_000, Duration.ofSeconds(5)));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> advisor.diagnose("{\"period\":\"2024-06\"}"))
                        .isInstanceOf(EngineException.class)
                        .hasMessageContaining("fired 5000 times without settling"));
    }

    @Test
    void aSlowEvaluationIsHaltedByTheTimeLimit() {
        HealthAdvisor advisor = HealthAdvisor.of(withALoop(), new Advisor(Integer.MAX_VALUE, Duration.ofMillis(200)));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> advisor.diagnose("{\"period\":\"2024-06\"}"))
                        .isInstanceOf(EngineException.class)
                        .hasMessageContaining("did not settle within 200 ms"));
    }
}
