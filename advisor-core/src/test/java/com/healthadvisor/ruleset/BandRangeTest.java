package com.healthadvisor.ruleset;

import com.healthadvisor.catalog.Unit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BandRangeTest {

    @Test
    void strictBoundsLeaveTheBoundaryOut() {
        BandRange above = BandRange.parse("> 5%", Unit.RATIO);

        assertThat(above.contains(0.05)).isFalse();
        assertThat(above.contains(0.0500001)).isTrue();
    }

    @Test
    void rangesIncludeBothEnds() {
        BandRange range = BandRange.parse("2% to 5%", Unit.RATIO);

        assertThat(range.contains(0.02)).isTrue();
        assertThat(range.contains(0.05)).isTrue();
        assertThat(range.contains(0.0501)).isFalse();
    }

    @Test
    void moneyTakesCurrencySignsAndMultipliers() {
        assertThat(BandRange.parse("$1K to $10K", Unit.MONEY).contains(10_000)).isTrue();
        assertThat(BandRange.parse(">= $10M", Unit.MONEY).low()).isEqualTo(10_000_000);
    }

    @Test
    void negativePointsParse() {
        assertThat(BandRange.parse("<= -0.25%", Unit.POINTS).contains(-0.0025)).isTrue();
    }

    @Test
    void describesItselfInWords() {
        assertThat(BandRange.parse("> 5%", Unit.RATIO).describe(v -> v * 100 + "%")).isEqualTo("above 5.0%");
        assertThat(BandRange.parse("<= 10%", Unit.RATIO).describe(v -> v * 100 + "%")).isEqualTo("at most 10.0%");
    }

    @Nested
    class Refuses {

        @Test
        void aPercentageForAMultiple() {
            assertThatThrownBy(() -> BandRange.parse("> 4%", Unit.MULTIPLE))
                    .hasMessage("\"4%\" is a percentage, but this metric is measured in multiple");
        }

        @Test
        void aRatioWithoutPercentSign() {
            assertThatThrownBy(() -> BandRange.parse("< 0.9", Unit.RATIO))
                    .hasMessage("\"0.9\" needs a % sign: this metric is a ratio");
        }

        @Test
        void aRangeThatRunsBackwards() {
            assertThatThrownBy(() -> BandRange.parse("5% to 2%", Unit.RATIO)).hasMessageContaining("runs backwards");
        }

        @Test
        void anUnknownForm() {
            assertThatThrownBy(() -> BandRange.parse("about 5%", Unit.RATIO)).hasMessageContaining("is not one of");
        }
    }
}
