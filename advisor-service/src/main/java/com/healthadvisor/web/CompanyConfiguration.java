package com.healthadvisor.web;

import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.company.H2Files;
import com.healthadvisor.company.PastPeriodsPreview;
import com.healthadvisor.company.Rediagnoses;
import com.healthadvisor.company.Schema;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.snapshot.SnapshotReader;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires the company memory to the database Spring Boot configures (spring.datasource.*). */
@Configuration(proxyBeanMethods = false)
class CompanyConfiguration {

    /**
     * Refuses a database whose schema a newer build migrated, then migrates; an embedded database's files are made
     * private around its first opening.
     */
    @Bean
    FlywayMigrationStrategy flywayMigrationStrategy(org.springframework.core.env.Environment environment) {
        return flyway -> {
            String url = environment.getProperty("spring.datasource.url");
            H2Files.beforeOpening(url);
            Schema.migrate(flyway);
            H2Files.afterOpening(url);
        };
    }

    @Bean
    CompanyMemory companyMemory(DataSource dataSource, PlatformTransactionManager transactionManager,
                                SnapshotReader reader, Advisor advisor, ActiveRuleSet active, Clock clock) {
        return new CompanyMemory(dataSource, transactionManager, reader, advisor, active::current, clock);
    }

    /** Every company at a glance, for the workbench's home. */
    @Bean
    com.healthadvisor.company.Portfolio portfolio(CompanyMemory memory) {
        return memory.portfolio();
    }

    /** Rule change previews try the candidate on each company's newest stored period too. */
    @Bean
    PastPeriodsPreview pastPeriodsPreview(CompanyMemory memory) {
        return new PastPeriodsPreview(memory);
    }

    @Bean
    Rediagnoses rediagnoses(CompanyMemory memory, ActiveRuleSet active, Clock clock) {
        return new Rediagnoses(memory, active::current, clock);
    }
}
