package com.healthadvisor.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Did you mean" compares the beginnings of names: a name half a megabyte long is compared as its first characters. */
class EditDistanceTest {

    @Test
    void aTypoIsOneEdit() {
        assertThat(EditDistance.between("nrr", "nnr")).isEqualTo(1);
        assertThat(EditDistance.between("logo_churn_rate", "logo_churn_rte")).isEqualTo(1);
    }

    @Test
    void onlyTheFirstCharactersOfAHugeNameAreCompared() {
        String huge = "x".repeat(500_000);

        assertThat(EditDistance.between(huge, "nrr")).isEqualTo(EditDistance.COMPARED);
        assertThat(MetricCatalog.nearest(huge)).isNotBlank();
    }
}
