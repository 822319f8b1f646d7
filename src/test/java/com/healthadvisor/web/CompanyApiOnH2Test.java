package com.healthadvisor.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

/** The company memory over HTTP on the embedded H2 file the service uses by default. */
class CompanyApiOnH2Test extends CompanyApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        String file = Files.createTempDirectory("advisor-api-h2").resolve("advisor").toString();
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=60000");
    }
}
