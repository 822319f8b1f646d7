package com.healthadvisor.web;

import com.healthadvisor.HealthAdvisorApplication;
import com.healthadvisor.company.Database;
import com.healthadvisor.company.NewerSchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service refuses to start on a database that a newer build migrated, and says why. */
class NewerSchemaRefusedTest {

    @Test
    void theServiceDoesNotStartOnADatabaseWithAMigrationItDoesNotKnow(@TempDir Path temp) {
        String url = "jdbc:h2:file:" + temp.resolve("advisor");
        try (Database database = Database.open(url)) {
            JdbcClient.create(database.dataSource()).sql("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", "
                    + "\"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", "
                    + "\"installed_on\", \"execution_time\", \"success\") VALUES (99, '99', 'from a newer build', 'SQL', "
                    + "'V99__from_a_newer_build.sql', 0, 'test', CURRENT_TIMESTAMP, 0, TRUE)").update();
        }

        assertThatThrownBy(() -> new SpringApplicationBuilder(HealthAdvisorApplication.class)
                .run("--server.port=0", "--advisor.watch=false", "--spring.datasource.url=" + url))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(NewerSchemaException.class)
                        .hasMessageContaining("it has migration 99 (from a newer build)")
                        .hasMessageContaining("this build knows up to version " + com.healthadvisor.company.Migrations.newest()));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof NewerSchemaException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
