package com.healthadvisor.live;

import com.healthadvisor.HealthAdvisor;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.fixture.FixtureRunner;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleProblem;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides whether a candidate rule set may go live: it must compile and validate as a whole, and every
 * fixture must still meet its expectation with it. Throws {@link RuleSetException} listing why not.
 */
public final class RuleSetVetting {

    private final RuleSetCompiler compiler;
    private final Path fixtures;
    private final Advisor advisor;

    public RuleSetVetting(RuleSetCompiler compiler, Path fixtures, Advisor advisor) {
        this.compiler = compiler;
        this.fixtures = fixtures;
        this.advisor = advisor;
    }

    public RuleSet vet(List<RuleFile> files) {
        RuleSet candidate = compiler.compile(files);
        if (fixtures == null || !Files.isDirectory(fixtures)) {
            return candidate;
        }
        List<RuleProblem> failures = new FixtureRunner(HealthAdvisor.of(candidate, advisor)).runEach(fixtures).stream()
                .filter(outcome -> !outcome.passed())
                .map(outcome -> new RuleProblem("fixtures/" + outcome.fixture() + ".json", 0,
                        String.join("; ", outcome.failures())))
                .toList();
        if (!failures.isEmpty()) {
            throw new RuleSetException(failures);
        }
        return candidate;
    }
}
