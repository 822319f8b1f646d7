package com.healthadvisor.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's connector writes the diagnosis of a typical snapshot to the socket at once. */
class ResponseWriteTest extends SharedService {

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void aTypicalDiagnosisFitsTheSocketsWriteBuffer() throws Exception {
        Http.Response diagnosis = http().post("/api/v1/diagnoses", "application/json",
                Files.readString(Path.of("fixtures", "seed-2-warning-signs.json")));
        int headers = 1_024;

        Object buffer = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector()
                .getProperty("socket.appWriteBufSize");

        assertThat(diagnosis.status()).isEqualTo(200);
        assertThat(Integer.parseInt(String.valueOf(buffer))).isEqualTo(WorkerThreads.WRITE_BUFFER_BYTES)
                .isGreaterThan(diagnosis.body().getBytes(StandardCharsets.UTF_8).length + headers);
    }
}
