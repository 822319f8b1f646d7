package com.healthadvisor;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that did not compile or validate; carries every problem found, by file and line. */
public class RuleSetException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        super(problems.stream().sorted().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = problems.stream().sorted().toList();
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
