package com.healthadvisor.web;

import com.healthadvisor.RuleProblem;
import com.healthadvisor.RuleSetException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.stream.Collectors;

/** A start that fails because the rules do not compile says which file and line, without a stack trace. */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleSetException cause) {
        return new FailureAnalysis("The rule set does not compile:\n" + cause.problems().stream()
                .map(RuleProblem::toString).map(p -> "  " + p).collect(Collectors.joining("\n")),
                "Fix the files named above (java -jar health-advisor.jar rules check) and start again.", cause);
    }
}
