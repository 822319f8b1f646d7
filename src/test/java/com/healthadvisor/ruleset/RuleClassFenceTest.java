package com.healthadvisor.ruleset;

import com.healthadvisor.facts.Metric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleClassFenceTest {

    private final RuleClassFence loader = new RuleClassFence(getClass().getClassLoader());

    @Test
    void aClassOfTheClassPathIsTheApplicationsOwn() throws ClassNotFoundException {
        assertThat(loader.loadClass("com.healthadvisor.facts.Metric")).isSameAs(Metric.class);
        assertThat(Class.forName("java.util.List", false, loader)).isSameAs(java.util.List.class);
    }

    @Test
    void aMissStaysAMiss() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> loader.loadClass("rules.Metric"))
                    .isInstanceOf(ClassNotFoundException.class).hasMessageContaining("rules.Metric");
        }
    }
}
