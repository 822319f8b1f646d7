package com.healthadvisor.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a diagnosis request goes through besides the diagnosis: how it is timed, and how its answer is written. */
class DiagnosisRequestPathTest extends SharedService {

    /** Room for the answer's status line and headers besides its body. */
    private static final int HEADERS = 1_024;

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    FilterChainProxy securityFilters;

    @Autowired
    MeterRegistry meters;

    @Test
    void aTypicalDiagnosisFitsTheSocketsWriteBuffer() throws IOException {
        Http.Response diagnosis = diagnoseSeed2();

        Object buffer = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector()
                .getProperty("socket.appWriteBufSize");

        assertThat(Integer.parseInt(String.valueOf(buffer))).isEqualTo(WorkerThreads.WRITE_BUFFER_BYTES)
                .isGreaterThan(diagnosis.body().getBytes(StandardCharsets.UTF_8).length + HEADERS);
    }

    /** Timed as a whole; its security filters are not wrapped one by one in observations of their own. */
    @Test
    void aDiagnosisIsTimedAndItsSecurityFiltersAreNotObservedOneByOne() throws IOException {
        diagnoseSeed2();

        assertThat(meters.find("http.server.requests").tag("uri", "/api/v1/diagnoses").timer()).isNotNull();
        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
        assertThat(ReflectionTestUtils.getField(securityFilters, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }

    private Http.Response diagnoseSeed2() throws IOException {
        Http.Response diagnosis = http().post("/api/v1/diagnoses", "application/json",
                Files.readString(Path.of("fixtures", "seed-2-warning-signs.json")));
        assertThat(diagnosis.status()).isEqualTo(200);
        return diagnosis;
    }
}
