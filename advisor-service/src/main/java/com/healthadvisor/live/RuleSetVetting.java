package com.healthadvisor.live;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.fixture.FixtureRunner;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.RuleProblem;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.RuleSetException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether a candidate rule set may go live, the same way for the file watcher, the API and
 * {@code rules check}: it must compile and validate as a whole, and every guard fixture must still meet its
 * expectation with it. Scenario fixtures that no longer meet theirs are what the change moves: reported with the
 * accepted set, never a reason to refuse it. Throws {@link RuleSetException} listing why not.
 */
public final class RuleSetVetting {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetVetting.class);

    /** An accepted rule set, and the scenarios it moved (each at the line of the expectation it no longer meets). */
    public record Vetted(RuleSet ruleSet, List<RuleProblem> movedScenarios, List<FixtureRunner.Outcome> outcomes) {
    }

    private final RuleSetCompiler compiler;
    private final Path fixtures;
    private final Advisor advisor;
    /** The active rule set's outcomes, run once per version for every preview against it. */
    private final AtomicReference<Baseline> baseline = new AtomicReference<>();

    private record Baseline(String version, List<FixtureRunner.Outcome> outcomes) {
    }

    /** The companies' stored periods a preview also compares; null without a company memory. */
    private final StoredPeriods storedPeriods;

    public RuleSetVetting(RuleSetCompiler compiler, Path fixtures, Advisor advisor) {
        this(compiler, fixtures, advisor, null);
    }

    public RuleSetVetting(RuleSetCompiler compiler, Path fixtures, Advisor advisor, StoredPeriods storedPeriods) {
        this.compiler = compiler;
        this.fixtures = fixtures;
        this.advisor = advisor;
        this.storedPeriods = storedPeriods;
    }

    /** The fixtures directory, and whether it is there: without it nothing but compiling vets a change. */
    public Path fixtures() {
        return fixtures;
    }

    public boolean hasFixtures() {
        return fixtures != null && Files.isDirectory(fixtures);
    }

    public Vetted vet(List<RuleFile> files) {
        long start = System.nanoTime();
        RuleSet candidate = compiler.compile(files);
        long compiled = System.nanoTime();
        if (!hasFixtures()) {
            LOG.warn("rule set {} compiled in {} ms; no fixtures directory at {}: no guard was run",
                    candidate.version(), millis(start, compiled), fixtures);
            return new Vetted(candidate, List.of(), List.of());
        }
        List<FixtureRunner.Outcome> outcomes = run(candidate);
        List<RuleProblem> guards = problems(outcomes, true);
        List<RuleProblem> moved = problems(outcomes, false);
        // Operators see where a slow reload spends its time.
        LOG.info("rule set {} compiled in {} ms; {} fixtures run in {} ms: {} with a guard broken, {} moved",
                candidate.version(), millis(start, compiled), outcomes.size(), millis(compiled, System.nanoTime()),
                outcomes.stream().filter(FixtureRunner.Outcome::guardBroken).count(),
                outcomes.stream().filter(FixtureRunner.Outcome::moved).count());
        if (!guards.isEmpty()) {
            throw new RuleSetException(guards);
        }
        return new Vetted(candidate, moved, outcomes);
    }

    /**
     * What a candidate would change against the active rule set: every fixture's verdict before and after, and the
     * guards it breaks. Activates nothing.
     */
    public Preview preview(RuleSet active, List<RuleFile> candidateFiles) {
        RuleSet candidate;
        try {
            candidate = compiler.compile(candidateFiles);
        } catch (RuleSetException e) {
            return Preview.refused(active.version(), e.problems());
        }
        List<FixtureRunner.Outcome> after = run(candidate);
        return Preview.of(active.version(), candidate.version(), problems(after, true), baselineOf(active), after,
                storedPeriods == null ? null : storedPeriods.compare(active, candidate));
    }

    private List<FixtureRunner.Outcome> baselineOf(RuleSet active) {
        Baseline known = baseline.get();
        if (known != null && known.version().equals(active.version())) {
            return known.outcomes();
        }
        Baseline fresh = new Baseline(active.version(), run(active));
        baseline.set(fresh);
        return fresh.outcomes();
    }

    /** Every fixture with a rule set, one after another: a running service leaves the other cores to requests. */
    public List<FixtureRunner.Outcome> run(RuleSet ruleSet) {
        return hasFixtures() ? new FixtureRunner(advisor, ruleSet).runEach(fixtures) : List.of();
    }

    private static List<RuleProblem> problems(List<FixtureRunner.Outcome> outcomes, boolean guards) {
        return outcomes.stream().flatMap(o -> o.problems(guards).stream()).toList();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
