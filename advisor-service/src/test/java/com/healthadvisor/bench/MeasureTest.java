package com.healthadvisor.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MeasureTest {

    @Test
    void comparesTwoOperationsIterationByIteration() throws Exception {
        Measure.Plan plan = new Measure.Plan(1, Duration.ofMillis(20), 3, Duration.ofMillis(50));

        // A busy machine can only make the sleeping operation slower still: the ratio cannot fall to 1.
        Measure.Comparison comparison = Measure.compare(plan, () -> null, () -> {
            Thread.sleep(2);
            return null;
        });

        assertThat(comparison.first().operations()).isGreaterThan(comparison.second().operations());
        assertThat(comparison.second().operations()).isBetween(3L, 3 * 25L + 3);
        assertThat(comparison.ratio()).isGreaterThan(10);
        assertThat(comparison.second().p50Micros()).isGreaterThanOrEqualTo(2_000);
    }
}
