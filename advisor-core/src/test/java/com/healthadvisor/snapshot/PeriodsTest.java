package com.healthadvisor.snapshot;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodsTest {

    @ParameterizedTest(name = "{0} follows {1}")
    @CsvSource({"2024-02, 2024-01", "2024-01, 2023-12", "2024-12, 2024-11", "2024-10, 2024-09",
            "2024-Q1, 2023-Q4", "2024-Q3, 2024-Q2", "2024, 2023"})
    void thePeriodRightBefore(String period, String previous) {
        assertThat(Periods.previous(period)).isEqualTo(previous);
    }

    @ParameterizedTest(name = "{0} ends in month {1}")
    @CsvSource({"2024-06, 24294", "2024-Q2, 24294", "2024, 24300", "2023-12, 24288"})
    void theMonthAPeriodEndsIn(String period, int month) {
        assertThat(Periods.endMonth(period)).isEqualTo(month);
    }

    @ParameterizedTest
    @CsvSource({"2024-13", "2024-Q5", "24-06", "June", "2024-6"})
    void aMalformedPeriodHasNoNeighbour(String period) {
        assertThat(Periods.previous(period)).isNull();
        assertThat(Periods.endMonth(period)).isNull();
    }
}
