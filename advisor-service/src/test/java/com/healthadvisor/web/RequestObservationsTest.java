package com.healthadvisor.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request is timed as a whole (http.server.requests) and its security filters are not wrapped one by one in
 * observations of their own.
 */
class RequestObservationsTest extends SharedService {

    @Autowired
    FilterChainProxy securityFilters;

    @Autowired
    MeterRegistry meters;

    @Test
    void aDiagnosisIsTimedAndItsSecurityFiltersAreNotObservedOneByOne() throws Exception {
        Http.Response diagnosis = http().post("/api/v1/diagnoses", "application/json",
                Files.readString(Path.of("fixtures", "seed-2-warning-signs.json")));

        assertThat(diagnosis.status()).isEqualTo(200);
        assertThat(meters.find("http.server.requests").tag("uri", "/api/v1/diagnoses").timer()).isNotNull();
        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
        assertThat(ReflectionTestUtils.getField(securityFilters, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
