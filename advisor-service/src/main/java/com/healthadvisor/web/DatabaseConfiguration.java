package com.healthadvisor.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import javax.sql.DataSource;

/** The database's bounded waits, its watch (health's {@code database} part) and the gate that uses it. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    static BeanPostProcessor databaseTimeouts() {
        return DatabaseWatch.timeouts();
    }

    /** Named for its part of /actuator/health: {@code database}. */
    @Bean("database")
    DatabaseWatch databaseWatch(DataSource dataSource) {
        return new DatabaseWatch(dataSource);
    }

    /** Before the security filters: a refusal for an outage says so, whoever asks. */
    @Bean
    FilterRegistrationBean<DatabaseGate> databaseGate(DatabaseWatch watch) {
        FilterRegistrationBean<DatabaseGate> gate = new FilterRegistrationBean<>(new DatabaseGate(watch));
        gate.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return gate;
    }
}
