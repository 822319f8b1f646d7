package com.healthadvisor.web;

import com.healthadvisor.company.NewerSchemaException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused because a newer build migrated the database says so, without a stack trace. */
class NewerSchemaFailureAnalyzer extends AbstractFailureAnalyzer<NewerSchemaException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NewerSchemaException cause) {
        return new FailureAnalysis("The company memory's database is newer than this build: " + cause.getMessage(),
                "Start the Health Advisor build that migrated it, or set SPRING_DATASOURCE_URL to another database.",
                cause);
    }
}
