package com.healthadvisor.diagnosis;

import com.healthadvisor.AdvisorHarness;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A rule that keeps triggering itself ends the evaluation with an error naming the limit, never a hang. */
class LoopingRuleTest {

    /** The default rules plus two that insert a finding which triggers the second again, forever. */
    private static RuleSet withALoop() {
        return withRules("""
                package rules;
                import com.healthadvisor.facts.Limit;
                import com.healthadvisor.facts.Finding;
                rule "Starts"
                when
                    Limit(name == "blended_average_spread")
                then
                    insert(Finding.of("RUNWAY_SHORT", "info"));
                end
                rule "Counts forever"
                when
                    Finding(code == "RUNWAY_SHORT")
                then
                    insert(Finding.of("RUNWAY_SHORT", "info"));
                end
                """);
    }

    /**
     * A join the allow-list lets through (every pattern picks facts by a literal) that still explodes on a snapshot
     * with many segments: 60 segments joined five ways is 60^5 tuples, evaluated inside the network where Drools
     * never looks at the clock.
     */
    private static RuleSet withAnExplodingJoin() {
        return withRules("""
                package rules;
                import com.healthadvisor.facts.Metric;
                import com.healthadvisor.facts.Finding;
                rule "Joins every segment with every segment"
                when
                    $a : Metric(code == "mrr_share")
                    $b : Metric(code == "mrr_share", value > $a.value - 1)
                    $c : Metric(code == "mrr_share", value > $b.value - 1)
                    $d : Metric(code == "mrr_share", value > $c.value - 1)
                    $e : Metric(code == "mrr_share", value < $d.value - 1)
                then
                    insert(Finding.of("RUNWAY_SHORT", "info", $a));
                end
                """);
    }

    private static RuleSet withRules(String drl) {
        List<RuleFile> files = new ArrayList<>(RuleSetLoader.read(Path.of("rules")));
        files.add(new RuleFile("extra.drl", drl));
        return new RuleSetCompiler(Clock.systemUTC()).compile(files);
    }

    private static String manySegments(int count) {
        StringBuilder segments = new StringBuilder();
        for (int i = 0; i < count; i++) {
            segments.append(i == 0 ? "" : ",").append("{\"dimension\":\"segment\",\"name\":\"s").append(i)
                    .append("\",\"mrr\":{\"starting\":100,\"new\":").append(i).append(",\"ending\":").append(100 + i)
                    .append("}}");
        }
        return "{\"period\":\"2024-06\",\"mrr\":{\"starting\":6000,\"ending\":7770},\"breakdowns\":["
                + segments + "]}";
    }

    @Test
    void aSelfTriggeringRuleIsStoppedByTheFiringLimit() {
        AdvisorHarness advisor = AdvisorHarness.of(withALoop(), new Advisor(5_000, Duration.ofSeconds(5), Watchdog.shared()));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> advisor.diagnose("{\"period\":\"2024-06\"}"))
                        .isInstanceOf(EngineException.class)
                        .hasMessageContaining("times without settling"));
    }

    @Test
    void aSlowEvaluationIsHaltedByTheTimeLimit() {
        AdvisorHarness advisor = AdvisorHarness.of(withALoop(), new Advisor(Integer.MAX_VALUE, Duration.ofMillis(200), Watchdog.shared()));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> advisor.diagnose("{\"period\":\"2024-06\"}"))
                        .isInstanceOf(EngineException.class)
                        .hasMessageContaining("did not settle within 200 ms"));
    }

    @Test
    void anExplodingJoinIsStoppedByTheDeadlineAndTheThreadServesTheNextEvaluation() {
        AdvisorHarness advisor = AdvisorHarness.of(withAnExplodingJoin(), new Advisor(10_000, Duration.ofMillis(300), Watchdog.shared()));
        String snapshot = manySegments(60);

        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> advisor.diagnose(snapshot))
                        .isInstanceOf(EngineException.class)
                        .hasMessageContaining("did not settle within 300 ms (limit advisor.evaluation-timeout); the evaluation was stopped"));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).as("the evaluation ends soon after its deadline").isLessThan(5_000);
        assertThat(advisor.diagnose("{\"period\":\"2024-06\"}").diagnoses()).isNotNull();
    }
}
