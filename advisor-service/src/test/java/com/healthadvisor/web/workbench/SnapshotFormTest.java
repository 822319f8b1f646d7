package com.healthadvisor.web.workbench;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotFormTest {

    @Test
    void numbersAreReadAsPeopleWriteThemAndRatesAsPercentages() {
        SnapshotForm form = SnapshotForm.of(Map.of("company", " acme ", "period", "2024-06", "mrr.starting",
                "$500,000", "mrr.new", "20000", "metrics.nrr", "104%", "metrics.ltv_cac_ratio", "3.2",
                "_csrf", "token", "customers.starting", ""));
        assertThat(form.numberProblems()).isEmpty();
        JsonNode json = JsonMapper.builder().build().readTree(form.json());
        assertThat(json.get("company").asString()).isEqualTo("acme");
        assertThat(json.get("mrr").get("starting").asDouble()).isEqualTo(500_000);
        assertThat(json.get("metrics").get("nrr").asDouble()).isEqualTo(1.04);
        assertThat(json.get("metrics").get("ltv_cac_ratio").asDouble()).isEqualTo(3.2);
        assertThat(json.has("customers")).as("an empty field is left out").isFalse();
        assertThat(json.has("_csrf")).isFalse();
    }

    @Test
    void whatIsNotANumberIsSaidPerField() {
        SnapshotForm form = SnapshotForm.of(Map.of("mrr.starting", "lots", "customers.new", "12%",
                "metrics.nrr", "1.04"));
        assertThat(form.numberProblems()).containsOnlyKeys("mrr.starting", "customers.new");
    }

    @Test
    void aReadersPointerLandsOnItsField() {
        assertThat(SnapshotForm.fieldOf("/mrr/churned")).isEqualTo("mrr.churned");
        assertThat(SnapshotForm.fieldOf("/metrics/nrr")).isEqualTo("metrics.nrr");
        assertThat(SnapshotForm.fieldOf("/mrr")).isEqualTo("mrr.starting");
        assertThat(SnapshotForm.fieldOf("/history/0")).isNull();
    }
}
