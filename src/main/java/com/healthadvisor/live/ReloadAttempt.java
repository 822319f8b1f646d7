package com.healthadvisor.live;

import com.healthadvisor.ruleset.RuleProblem;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of the last attempt to change the active rule set.
 *
 * @param trigger what started it: {@code startup}, {@code disk}, {@code api}
 * @param version the version now active (unchanged when the attempt failed)
 */
public record ReloadAttempt(Instant at, String trigger, boolean succeeded, String version, List<RuleProblem> problems) {

    public ReloadAttempt {
        problems = List.copyOf(problems);
    }
}
