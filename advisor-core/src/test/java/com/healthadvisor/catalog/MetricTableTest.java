package com.healthadvisor.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric table computes a period in its own order, so a formula that read a row below it would read nothing.
 * Each formula is run on lookups that answer absent, zero, one and minus one (so that both sides of its
 * {@code == null ? :} and {@code <= 0 ? :} branches run), recording what it reads.
 */
class MetricTableTest {

    private static final List<Double> ANSWERS = Arrays.asList(null, 0.0, 1.0, -1.0);

    static List<MetricDefinition> computedFromThePeriod() {
        return MetricCatalog.computedFromThePeriod();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("computedFromThePeriod")
    void aFormulaReadsOnlyRowsAboveIt(MetricDefinition row) {
        List<String> above = codesAbove(row);
        Set<String> read = new LinkedHashSet<>();
        for (Double answer : ANSWERS) {
            for (int periodsPerYear : new int[] {12, 4, 1}) {
                row.compute().of(recording(read, answer, periodsPerYear));
            }
        }
        Set<String> readFromTheTable = new LinkedHashSet<>(read);
        readFromTheTable.removeIf(code -> !isComputedFromThePeriod(code));
        assertThat(above).as("rows above %s", row.code()).containsAll(readFromTheTable);
    }

    @Test
    void eachCodeIsDefinedOnceWithWordsForItsFormula() {
        List<String> codes = MetricCatalog.all().stream().map(MetricDefinition::code).toList();
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(MetricCatalog.all()).allSatisfy(row -> assertThat(row.formula()).as(row.code()).isNotBlank());
    }

    private static boolean isComputedFromThePeriod(String code) {
        return MetricCatalog.find(code).map(MetricDefinition::computedFromThePeriod).orElse(false);
    }

    private static List<String> codesAbove(MetricDefinition row) {
        List<String> above = new ArrayList<>();
        for (MetricDefinition earlier : MetricCatalog.computedFromThePeriod()) {
            if (earlier.code().equals(row.code())) {
                return above;
            }
            above.add(earlier.code());
        }
        throw new IllegalStateException(row.code() + " is not in the table");
    }

    /** Records the codes a formula reads; the snapshot fields it reads are no rows of the table. */
    static Formula.Values recording(Set<String> read, Double answer, int periodsPerYear) {
        return new Formula.Values() {
            @Override
            public Double get(String code) {
                read.add(code);
                return answer;
            }

            @Override
            public Double input(String path) {
                return answer;
            }

            @Override
            public int periodsPerYear() {
                return periodsPerYear;
            }
        };
    }
}
