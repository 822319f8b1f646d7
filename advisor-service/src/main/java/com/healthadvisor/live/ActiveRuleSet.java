package com.healthadvisor.live;

import com.healthadvisor.RuleProblem;
import com.healthadvisor.ruleset.RuleSet;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set requests are evaluated with, and the last attempt to change it, held as one immutable
 * {@link State} and swapped as one: a reader never pairs one rule set with another's status. A request reads
 * {@link #current()} once and uses that rule set throughout, so that a swap in the middle of a request never
 * mixes two rule sets.
 */
public final class ActiveRuleSet {

    /** The active rule set (with the files it was compiled from) and the outcome of the last attempt to change it. */
    public record State(RuleSet ruleSet, ReloadAttempt lastAttempt) {
    }

    private final AtomicReference<State> state;
    private final Clock clock;

    public ActiveRuleSet(RuleSet initial, Clock clock) {
        this.clock = clock;
        this.state = new AtomicReference<>(new State(initial, new ReloadAttempt(initial.loadedAt(), "startup", true,
                initial.version(), List.of(), List.of())));
    }

    /** The rule set and its status, read together. */
    public State state() {
        return state.get();
    }

    public RuleSet current() {
        return state.get().ruleSet();
    }

    public ReloadAttempt lastAttempt() {
        return state.get().lastAttempt();
    }

    void activate(RuleSetVetting.Vetted vetted, String trigger) {
        RuleSet ruleSet = vetted.ruleSet();
        state.set(new State(ruleSet, new ReloadAttempt(clock.instant(), trigger, true, ruleSet.version(), List.of(),
                vetted.movedScenarios())));
    }

    void reject(List<RuleProblem> problems, String trigger) {
        state.updateAndGet(now -> new State(now.ruleSet(), new ReloadAttempt(clock.instant(), trigger, false,
                now.ruleSet().version(), problems, List.of())));
    }

    /** The files on disk are the active ones again (an edit undone by hand): a disk failure is over. */
    void settle(String trigger) {
        state.updateAndGet(now -> now.lastAttempt().succeeded() || !now.lastAttempt().trigger().equals(trigger) ? now
                : new State(now.ruleSet(), new ReloadAttempt(clock.instant(), trigger, true, now.ruleSet().version(),
                List.of(), List.of())));
    }
}
