package com.healthadvisor.live;

import com.healthadvisor.RuleProblem;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of the last attempt to change the active rule set.
 *
 * @param trigger         what started it: {@code startup}, {@code disk}, {@code api}
 * @param version         the version now active (unchanged when the attempt failed)
 * @param problems        why it was refused: rule errors, and guard fixtures it broke
 * @param movedScenarios  scenario fixtures whose expected result the accepted change moved, each at the line of
 *                        the expectation it no longer meets: reported, not refused
 */
public record ReloadAttempt(Instant at, String trigger, boolean succeeded, String version, List<RuleProblem> problems,
                            List<RuleProblem> movedScenarios) {

    public ReloadAttempt {
        problems = List.copyOf(problems);
        movedScenarios = List.copyOf(movedScenarios);
    }
}
