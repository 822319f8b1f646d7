package com.healthadvisor.web;

import com.healthadvisor.bench.LocalPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/** The company memory over HTTP on a real PostgreSQL server: a service of its own, beside the shared one. */
class CompanyApiOnPostgresTest extends CompanyApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = LocalPostgres.freshDatabase("company_api");
        registry.add("advisor.test.database-url", () -> url);
        // A second service: its own rules directory, so that its watcher never sees the shared one's edits.
        Path rules = Http.copyOf("rules", "[^.].*");
        registry.add("advisor.test.rules", rules::toString);
        registry.add("spring.datasource.username", () -> "postgres");
    }
}
