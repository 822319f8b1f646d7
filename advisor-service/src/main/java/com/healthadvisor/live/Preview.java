package com.healthadvisor.live;

import com.healthadvisor.fixture.FixtureRunner;
import com.healthadvisor.RuleProblem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a candidate rule set would change, fixture by fixture: the verdict and codes before (the active rule set)
 * and after (the candidate), and a summary in words ("LOGO_CHURN_CRISIS disappears from 5 fixtures"). Guards it
 * breaks are errors: such a candidate cannot be applied.
 *
 * @param baseVersion the version the candidate was compared with: it can be applied only while that one is active
 * @param version     the candidate's version, null when it does not compile
 * @param errors      why it cannot be applied: rule errors and broken guards
 * @param moved       every fixture whose verdict or codes differ
 * @param summary     the moves counted by code and by health
 * @param companies   the same over the companies' newest stored periods; null without a company memory or when
 *                    the candidate does not compile
 */
public record Preview(String baseVersion, String version, List<RuleProblem> errors, List<Move> moved,
                      List<String> summary, StoredPeriods.Compared companies) {

    /** One fixture's verdict before and after, with the codes that appeared and disappeared. */
    public record Move(String fixture, FixtureRunner.Verdict before, FixtureRunner.Verdict after,
                       List<String> appeared, List<String> disappeared) {
    }

    public boolean applicable() {
        return version != null && errors.isEmpty();
    }

    /** Compares two runs over the same fixtures; a fixture that could not be diagnosed has no verdict. */
    static Preview of(String baseVersion, String version, List<RuleProblem> errors,
                      List<FixtureRunner.Outcome> before, List<FixtureRunner.Outcome> after,
                      StoredPeriods.Compared companies) {
        Map<String, FixtureRunner.Verdict> was = before.stream().filter(o -> o.verdict() != null)
                .collect(Collectors.toMap(FixtureRunner.Outcome::fixture, FixtureRunner.Outcome::verdict));
        List<Move> moved = new ArrayList<>();
        for (FixtureRunner.Outcome outcome : after) {
            FixtureRunner.Verdict then = was.get(outcome.fixture());
            FixtureRunner.Verdict now = outcome.verdict();
            if (then != null && now != null && !then.equals(now)) {
                moved.add(new Move(outcome.fixture(), then, now, minus(now.codes(), then.codes()),
                        minus(then.codes(), now.codes())));
            }
        }
        return new Preview(baseVersion, version, List.copyOf(errors), List.copyOf(moved), summary(moved), companies);
    }

    /** A candidate that does not compile: nothing to compare. */
    static Preview refused(String baseVersion, List<RuleProblem> errors) {
        return new Preview(baseVersion, null, List.copyOf(errors), List.of(), List.of(), null);
    }

    private static List<String> minus(List<String> codes, List<String> others) {
        Set<String> left = new LinkedHashSet<>(codes);
        left.removeAll(Set.copyOf(others));
        return List.copyOf(left);
    }

    /** Counts by code (appears, disappears) and by health move, most frequent first, then by name. */
    private static List<String> summary(List<Move> moved) {
        List<String> lines = new ArrayList<>();
        lines.addAll(counted(moved, Move::disappeared, " disappears from "));
        lines.addAll(counted(moved, Move::appeared, " appears in "));
        Map<String, Integer> health = new TreeMap<>();
        for (Move move : moved) {
            if (!Objects.equals(move.before().health(), move.after().health())) {
                health.merge("health moves from " + move.before().health() + " to " + move.after().health() + " in ",
                        1, Integer::sum);
            }
        }
        health.forEach((words, count) -> lines.add(words + fixtures(count)));
        return List.copyOf(lines);
    }

    private static List<String> counted(List<Move> moved, Function<Move, List<String>> codes, String words) {
        Map<String, Integer> counts = new TreeMap<>();
        moved.forEach(move -> codes.apply(move).forEach(code -> counts.merge(code, 1, Integer::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + words + fixtures(e.getValue())).toList();
    }

    private static String fixtures(int count) {
        return count + (count == 1 ? " fixture" : " fixtures");
    }
}
