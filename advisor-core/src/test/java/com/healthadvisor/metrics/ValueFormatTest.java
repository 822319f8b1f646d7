package com.healthadvisor.metrics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** judgment.md P10: a number in words never rounds across a band edge. */
class ValueFormatTest {

    private final ValueFormat format = new ValueFormat("USD");

    @ParameterizedTest(name = "{0} {1} next to {2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            0.45   | multiple | 0.5        | 0.45×
            0.5    | multiple | 0.5        | 0.5×
            1.26   | multiple | 0.5        | 1.3×
            0.0496 | ratio    | 0.05       | 4.96%
            0.0501 | ratio    | 0.02 0.05  | 5.01%
            0.06   | ratio    | 0.02 0.05  | 6.0%
            0.89999| ratio    | 0.9 1.0    | 89.999%
            0.00996| points   | 0.01       | +0.996 pts
            0.2    | ratio    |            | 20.0%
            0.3999997 | ratio | 0.1 0.4    | just under 40.0%
            0.4000000000000001 | ratio | 0.4 | 40.0%
            """)
    void aNumberNeverRoundsAcrossABandEdge(double value, String unit, String edges, String written) {
        double[] parsed = edges == null ? new double[0]
                : Arrays.stream(edges.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();

        assertThat(format.format(value, unit, parsed)).isEqualTo(written);
    }
}
