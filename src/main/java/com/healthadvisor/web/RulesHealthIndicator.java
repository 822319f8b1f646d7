package com.healthadvisor.web;

import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.live.ReloadAttempt;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The rules part of {@code /actuator/health}: always UP while a rule set is active (a refused change
 * leaves the old one serving), with the last reload's outcome and errors in the details.
 */
@Component("rules")
class RulesHealthIndicator implements HealthIndicator {

    private final ActiveRuleSet active;

    RulesHealthIndicator(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public Health health() {
        ReloadAttempt attempt = active.lastAttempt();
        return Health.up()
                .withDetail("version", active.current().version())
                .withDetail("loaded_at", active.current().loadedAt().toString())
                .withDetail("last_reload_successful", attempt.succeeded())
                .withDetail("last_reload_at", attempt.at().toString())
                .withDetail("last_reload_errors", attempt.problems().stream().map(Object::toString).toList())
                .build();
    }
}
