package com.healthadvisor.live;

import com.healthadvisor.ruleset.RuleProblem;
import com.healthadvisor.ruleset.RuleSet;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set requests are evaluated with. A request reads {@link #current()} once and uses that
 * rule set throughout, so that a swap in the middle of a request never mixes two rule sets.
 */
public final class ActiveRuleSet {

    private final AtomicReference<RuleSet> current;
    private final AtomicReference<ReloadAttempt> lastAttempt;
    private final Clock clock;

    public ActiveRuleSet(RuleSet initial, Clock clock) {
        this.clock = clock;
        this.current = new AtomicReference<>(initial);
        this.lastAttempt = new AtomicReference<>(new ReloadAttempt(initial.loadedAt(), "startup", true,
                initial.version(), List.of()));
    }

    public RuleSet current() {
        return current.get();
    }

    public ReloadAttempt lastAttempt() {
        return lastAttempt.get();
    }

    void activate(RuleSet ruleSet, String trigger) {
        current.set(ruleSet);
        lastAttempt.set(new ReloadAttempt(clock.instant(), trigger, true, ruleSet.version(), List.of()));
    }

    void reject(List<RuleProblem> problems, String trigger) {
        lastAttempt.set(new ReloadAttempt(clock.instant(), trigger, false, current().version(), problems));
    }
}
