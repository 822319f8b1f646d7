package com.healthadvisor.ruleset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BandRangeTest {

    @Test
    void strictBoundsLeaveTheBoundaryOut() {
        BandRange above = BandRange.parse("> 5%", "ratio");

        assertThat(above.contains(0.05)).isFalse();
        assertThat(above.contains(0.0500001)).isTrue();
    }

    @Test
    void rangesIncludeBothEnds() {
        BandRange range = BandRange.parse("2% to 5%", "ratio");

        assertThat(range.contains(0.02)).isTrue();
        assertThat(range.contains(0.05)).isTrue();
        assertThat(range.contains(0.0501)).isFalse();
    }

    @Test
    void moneyTakesCurrencySignsAndMultipliers() {
        assertThat(BandRange.parse("$1K to $10K", "money").contains(10_000)).isTrue();
        assertThat(BandRange.parse(">= $10M", "money").low()).isEqualTo(10_000_000);
    }

    @Test
    void negativePointsParse() {
        assertThat(BandRange.parse("<= -0.25%", "points").contains(-0.0025)).isTrue();
    }

    @Test
    void describesItselfInWords() {
        assertThat(BandRange.parse("> 5%", "ratio").describe(v -> v * 100 + "%")).isEqualTo("above 5.0%");
        assertThat(BandRange.parse("<= 10%", "ratio").describe(v -> v * 100 + "%")).isEqualTo("at most 10.0%");
    }

    @Nested
    class Refuses {

        @Test
        void aPercentageForAMultiple() {
            assertThatThrownBy(() -> BandRange.parse("> 4%", "multiple"))
                    .hasMessage("\"4%\" is a percentage, but this metric is measured in multiple");
        }

        @Test
        void aRatioWithoutPercentSign() {
            assertThatThrownBy(() -> BandRange.parse("< 0.9", "ratio"))
                    .hasMessage("\"0.9\" needs a % sign: this metric is a ratio");
        }

        @Test
        void aRangeThatRunsBackwards() {
            assertThatThrownBy(() -> BandRange.parse("5% to 2%", "ratio")).hasMessageContaining("runs backwards");
        }

        @Test
        void anUnknownForm() {
            assertThatThrownBy(() -> BandRange.parse("about 5%", "ratio")).hasMessageContaining("is not one of");
        }
    }
}
