package com.healthadvisor.facts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One order of severities, most severe first, for ranking, dimension statuses and changes alike. */
class SeverityTest {

    @Test
    void theWordsAreTheContractsInRankingOrder() {
        assertThat(Severity.WORDS).containsExactly("critical", "high", "medium", "low", "info", "positive");
        assertThat(Finding.SEVERITIES).isSameAs(Severity.WORDS);
    }

    @Test
    void worseIsEarlierInTheOrderAndAnythingIsWorseThanNothing() {
        assertThat(Severity.CRITICAL.isWorseThan(Severity.HIGH)).isTrue();
        assertThat(Severity.HIGH.isWorseThan(Severity.CRITICAL)).isFalse();
        assertThat(Severity.MEDIUM.isWorseThan(Severity.MEDIUM)).isFalse();
        assertThat(Severity.POSITIVE.isWorseThan(null)).isTrue();
        List<Severity> shuffled = new ArrayList<>(List.of(Severity.values()));
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactly(Severity.values());
    }

    @Test
    void aProblemIsLowOrWorse() {
        assertThat(List.of(Severity.values()).stream().filter(Severity::isProblem))
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        assertThat(Severity.of("severe")).isNull();
        assertThat(Severity.of(null)).isNull();
    }
}
