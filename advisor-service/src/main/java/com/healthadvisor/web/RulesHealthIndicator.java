package com.healthadvisor.web;

import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.live.ReloadAttempt;
import com.healthadvisor.live.RuleDirectory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The rules part of {@code /actuator/health}: always UP while a rule set is active (a refused change
 * leaves the old one serving), with the last reload's outcome and errors in the details, and with shared rules
 * whether this replica runs the newest shared rule set ({@code shared_rules.agrees}).
 */
@Component("rules")
class RulesHealthIndicator implements HealthIndicator {

    private final ActiveRuleSet active;
    private final RuleDirectory directory;

    RulesHealthIndicator(ActiveRuleSet active, RuleDirectory directory) {
        this.active = active;
        this.directory = directory;
    }

    @Override
    public Health health() {
        // One read: the version and the attempt shown are always a pair.
        ActiveRuleSet.State state = active.state();
        ReloadAttempt attempt = state.lastAttempt();
        Health.Builder health = Health.up();
        directory.sharedStatus().ifPresent(shared -> health.withDetail("shared_rules", RuleSetView.SharedRules.of(shared)));
        return health
                .withDetail("version", state.ruleSet().version())
                .withDetail("loaded_at", state.ruleSet().loadedAt().toString())
                .withDetail("fixtures", directory.fixturesStatus())
                .withDetail("moved_scenarios", attempt.movedScenarios().stream().map(Object::toString).toList())
                .withDetail("last_reload_successful", attempt.succeeded())
                .withDetail("last_reload_at", attempt.at().toString())
                .withDetail("last_reload_errors", attempt.problems().stream().map(Object::toString).toList())
                .build();
    }
}
