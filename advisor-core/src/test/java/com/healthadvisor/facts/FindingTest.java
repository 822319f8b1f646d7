package com.healthadvisor.facts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingTest {

    @ParameterizedTest
    @ValueSource(strings = {"A", "NRR_CRITICAL", "RULE_OF_40", "X_1_"})
    void upperSnakeCaseCodesAreCodes(String code) {
        assertThat(Finding.of(code, "high").code()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"nrr_critical", "Nrr", "_NRR", "1NRR", "NRR-CRITICAL", "NRR CRITICAL", "NRRÉ"})
    void anythingElseIsRefused(String code) {
        assertThatThrownBy(() -> Finding.of(code, "high"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UPPER_SNAKE_CASE");
    }

    @Test
    void anUnknownSeverityIsRefused() {
        assertThatThrownBy(() -> Finding.of("NRR_CRITICAL", "urgent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown severity 'urgent'");
    }
}
