package com.healthadvisor.company;

import com.healthadvisor.bench.LocalPostgres;

/** The company memory on a real PostgreSQL server (Debian's, started for the tests). */
class CompanyMemoryOnPostgresTest extends CompanyMemoryContract {

    private static String url;

    @Override
    synchronized String url() {
        if (url == null) {
            url = LocalPostgres.freshDatabase("company_memory_contract");
        }
        return url;
    }
}
