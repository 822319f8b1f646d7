package com.healthadvisor.live;

import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A rule set being compiled while Spring starts, so that the two overlap on start-up; the active rule
 * set waits for it. A rule set that does not compile stops the start with its problems. Later rule changes
 * go through the same compiler, which reuses the KieBase while the DRL stays the same.
 */
public record CompilingRuleSet(RuleSetCompiler compiler, CompletableFuture<RuleSet> compiling) {

    public RuleSet await() {
        try {
            return compiling.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
