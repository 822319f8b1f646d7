package com.healthadvisor.web;

import com.healthadvisor.bench.LocalPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The company memory over HTTP on a real PostgreSQL server. */
class CompanyApiOnPostgresTest extends CompanyApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = LocalPostgres.freshDatabase("company_api");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
    }
}
