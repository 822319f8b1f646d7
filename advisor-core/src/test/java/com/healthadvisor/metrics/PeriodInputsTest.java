package com.healthadvisor.metrics;

import com.healthadvisor.catalog.Formula;
import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.snapshot.Figures;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every snapshot field the metric table reads is one a period has, and an input row names its field as its needs. */
class PeriodInputsTest {

    private static final PeriodInputs EMPTY =
            new PeriodInputs(new Figures("2024-06", null, null, null, null, Map.of()));

    @Test
    void everyFieldTheTableReadsIsAFieldOfAPeriod() {
        Set<String> paths = new TreeSet<>();
        for (MetricDefinition row : MetricCatalog.computedFromThePeriod()) {
            row.compute().of(fieldsRead(paths));
        }
        assertThat(paths).hasSizeGreaterThan(20);
        assertThat(paths).allSatisfy(path -> assertThat(EMPTY.read(path)).as(path).isNull());
        assertThat(MetricCatalog.computedFromThePeriod()).filteredOn(row -> {
            Set<String> own = new TreeSet<>();
            row.compute().of(fieldsRead(own));
            return !own.isEmpty();
        }).allSatisfy(row -> assertThat(paths).contains(row.needs()));
    }

    @Test
    void aPathThatIsNoFieldIsRefusedByName() {
        assertThatThrownBy(() -> EMPTY.read("mrr.startng")).hasMessageContaining("'mrr.startng'");
    }

    private static Formula.Values fieldsRead(Set<String> paths) {
        return new Formula.Values() {
            @Override
            public Double get(String code) {
                return 1.0;
            }

            @Override
            public Double input(String path) {
                paths.add(path);
                return 1.0;
            }

            @Override
            public int periodsPerYear() {
                return 12;
            }
        };
    }
}
