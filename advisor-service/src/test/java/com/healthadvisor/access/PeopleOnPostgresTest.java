package com.healthadvisor.access;

import com.healthadvisor.bench.LocalPostgres;

/** The workbench's people on a real PostgreSQL server, started for the tests. */
class PeopleOnPostgresTest extends PeopleContract {

    private static String url;

    @Override
    synchronized String url() {
        if (url == null) {
            url = LocalPostgres.freshDatabase("workbench_people");
        }
        return url;
    }
}
