package com.healthadvisor.live;

import com.healthadvisor.HealthAdvisor;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.fixture.FixtureRunner;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleProblem;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides whether a candidate rule set may go live: it must compile and validate as a whole, and every
 * fixture must still meet its expectation with it. Throws {@link RuleSetException} listing why not.
 */
public final class RuleSetVetting {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetVetting.class);

    private final RuleSetCompiler compiler;
    private final Path fixtures;
    private final Advisor advisor;

    public RuleSetVetting(RuleSetCompiler compiler, Path fixtures, Advisor advisor) {
        this.compiler = compiler;
        this.fixtures = fixtures;
        this.advisor = advisor;
    }

    public RuleSet vet(List<RuleFile> files) {
        long start = System.nanoTime();
        RuleSet candidate = compiler.compile(files);
        long compiled = System.nanoTime();
        if (fixtures == null || !Files.isDirectory(fixtures)) {
            LOG.info("rule set {} compiled in {} ms (no fixtures to run)", candidate.version(), millis(start, compiled));
            return candidate;
        }
        List<FixtureRunner.Outcome> outcomes = new FixtureRunner(HealthAdvisor.of(candidate, advisor)).runEach(fixtures);
        List<RuleProblem> failures = outcomes.stream()
                .filter(outcome -> !outcome.passed())
                .map(outcome -> new RuleProblem("fixtures/" + outcome.fixture() + ".json", 0,
                        String.join("; ", outcome.failures())))
                .toList();
        // Operators see where a slow reload spends its time.
        LOG.info("rule set {} compiled in {} ms; {} of {} fixtures passed in {} ms", candidate.version(),
                millis(start, compiled), outcomes.size() - failures.size(), outcomes.size(),
                millis(compiled, System.nanoTime()));
        if (!failures.isEmpty()) {
            throw new RuleSetException(failures);
        }
        return candidate;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
