package com.healthadvisor.web;

import com.healthadvisor.company.CompanyMemory;
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

    /** Refuses a database whose schema a newer build migrated, then migrates. */
    @Bean
    FlywayMigrationStrategy flywayMigrationStrategy() {
        return Schema::migrate;
    }

    @Bean
    CompanyMemory companyMemory(DataSource dataSource, PlatformTransactionManager transactionManager,
                                SnapshotReader reader, Advisor advisor, ActiveRuleSet active, Clock clock) {
        return new CompanyMemory(dataSource, transactionManager, reader, advisor, active::current, clock);
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
