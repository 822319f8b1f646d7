package com.healthadvisor.web;

import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.live.ReloadAttempt;
import com.healthadvisor.live.RuleDirectory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The rules part of {@code /actuator/health}, and of readiness: UP while a rule set is active (a refused change
 * leaves the old one serving), with the last reload's outcome and errors in the details. With shared rules it says
 * whether this replica runs the fleet's newest version ({@code shared_rules.agrees}); a replica that refuses it is
 * OUT_OF_SERVICE, so that a load balancer stops sending it requests it would answer differently from the others.
 * Read from memory: never waits for the database.
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
        directory.sharedStatus().ifPresent(shared -> {
            health.withDetail("shared_rules", RuleSetView.SharedRules.of(shared));
            if (!shared.agrees()) {
                health.outOfService().withDetail("reason", "this replica refuses shared version " + shared.newest()
                        + " and serves its own rules (" + state.ruleSet().version() + "): it would answer "
                        + "differently from the other replicas until a version it accepts is published");
            }
        });
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
