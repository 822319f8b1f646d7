package com.healthadvisor.web;

import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.live.ReloadAttempt;
import com.healthadvisor.live.RuleDirectory;
import com.healthadvisor.live.SharedRuleStore;
import com.healthadvisor.RuleProblem;
import com.healthadvisor.ruleset.RuleSet;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/v1/rules} shows: the active rule set and the last attempt to change it, and with shared
 * rules whether this replica runs the newest shared rule set (null for a single instance).
 */
record RuleSetView(String version, List<String> files, int rules, int codes, Instant loadedAt, LastReload lastReload,
                   String fixtures, SharedRules shared) {

    /**
     * The replicas' shared rule set: the newest published one, and whether this replica runs it; when it does
     * not, why this replica refused it (it keeps serving {@code version}). {@code refusals}: every replica, this one
     * or another, that the shared log says refuses the newest version.
     */
    record SharedRules(long newest, String newestVersion, boolean agrees, List<Problem> errors, Instant checkedAt,
                  String listening, String replica, List<Refusal> refusals) {

        static SharedRules of(SharedRuleStore.Status status) {
            return new SharedRules(status.newest(), status.version(), status.agrees(),
                    status.problems().stream().map(Problem::of).toList(), status.checkedAt(), status.listening(),
                    status.replica(), status.refusals().stream().map(Refusal::of).toList());
        }
    }

    /** A replica that refuses a shared version, and why: {@code text} reads "replica b refuses version 37: ...". */
    record Refusal(String replica, long version, String ruleSet, List<Problem> errors, Instant at, String text) {

        static Refusal of(SharedRuleStore.Refusal refusal) {
            List<Problem> errors = refusal.problems().stream().map(Problem::of).toList();
            String first = errors.isEmpty() ? "" : ": " + errors.get(0).text()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
            return new Refusal(refusal.replica(), refusal.number(), refusal.version(), errors, refusal.at(),
                    "replica " + refusal.replica() + " refuses version " + refusal.number() + first);
        }
    }

    /** {@code movedScenarios}: the scenario fixtures the accepted change moved, at the expectation they no longer meet. */
    record LastReload(Instant at, String trigger, boolean succeeded, List<Problem> errors,
                      List<Problem> movedScenarios) {
    }

    /** One problem, with its {@code file:line: message} text. */
    record Problem(String file, int line, String message, String text) {

        static Problem of(RuleProblem problem) {
            return new Problem(problem.file(), problem.line(), problem.message(), problem.toString());
        }
    }

    /** The view of the live rule set, with where its fixtures are. */
    static RuleSetView of(ActiveRuleSet active, RuleDirectory directory) {
        return of(active.state(), directory.fixturesStatus(),
                directory.sharedStatus().map(SharedRules::of).orElse(null));
    }

    /** One state, read once: the rule set and the attempt that belong together. */
    static RuleSetView of(ActiveRuleSet.State state, String fixtures, SharedRules shared) {
        RuleSet ruleSet = state.ruleSet();
        ReloadAttempt attempt = state.lastAttempt();
        return new RuleSetView(ruleSet.version(), ruleSet.files(), ruleSet.ruleCount(), ruleSet.wording().size(),
                ruleSet.loadedAt(), new LastReload(attempt.at(), attempt.trigger(), attempt.succeeded(),
                attempt.problems().stream().map(Problem::of).toList(),
                attempt.movedScenarios().stream().map(Problem::of).toList()), fixtures, shared);
    }
}
