package com.healthadvisor.company;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The company memory's schema: Flyway's migrations under {@code db/migration}, and the refusal of a newer one. */
public final class Schema {

    private Schema() {
    }

    /** Brings the database up to this build's schema, after refusing one that is newer. */
    public static void migrate(Flyway flyway) {
        refuseNewer(flyway);
        flyway.migrate();
    }

    /** For the command line, which has no Spring context: the same migrations as the service's. */
    public static void migrate(DataSource dataSource) {
        migrate(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load());
    }

    /**
     * Flyway ignores migrations it does not know by default; a database that a newer build has migrated may hold
     * tables or meanings this build would misread, so that is refused with both versions named.
     */
    static void refuseNewer(Flyway flyway) {
        MigrationInfo[] applied = flyway.info().applied();
        String unknown = Arrays.stream(applied)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(m -> m.getVersion() + " (" + m.getDescription() + ")")
                .collect(Collectors.joining(", "));
        if (!unknown.isEmpty()) {
            throw new NewerSchemaException("the database's schema is newer than this build knows: it has "
                    + "migration " + unknown + ", and this build knows up to version "
                    + latestKnown(flyway) + ". Start the newer Health Advisor that migrated it, or point this "
                    + "one at another database");
        }
    }

    private static String latestKnown(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                .map(m -> m.getVersion() == null ? null : m.getVersion().toString())
                .filter(v -> v != null)
                .reduce((a, b) -> b).orElse("none");
    }
}
