package com.healthadvisor.cli;

import com.healthadvisor.HealthAdvisor;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.fixture.ExpectationUpdate;
import com.healthadvisor.fixture.FixtureRunner;
import com.healthadvisor.live.Preview;
import com.healthadvisor.live.RuleSetVetting;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** {@code rules check} and {@code rules test}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Checks and tests a rule set.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class, RulesCommand.PreviewChanges.class,
                RulesCommand.AcceptChanges.class})
class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand: check, test, preview or accept-changes");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Vets a rule set exactly as the service would: compiles and validates it, runs the guard "
                    + "fixtures (a broken guard refuses it, file:line: message) and lists the scenarios it moves.")
    static class Check implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--rules", defaultValue = "${env:ADVISOR_RULES:-rules}", paramLabel = "DIR",
            description = "the rules directory (default: ADVISOR_RULES, else rules)")
        Path rules;

        @Option(names = "--fixtures", defaultValue = "${env:ADVISOR_FIXTURES}", paramLabel = "DIR",
                description = "the fixtures that vet it (default: fixtures beside the rules directory)")
        Path fixtures;

        @Override
        public Integer call() {
            Path directory = Inputs.directory(rules, "rules");
            RuleSetVetting vetting = vetting(directory, fixtures);
            RuleSetVetting.Vetted vetted = vetting.vet(RuleSetLoader.read(directory));
            RuleSet ruleSet = vetted.ruleSet();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("ok: %d rules in %d files, %d diagnosis codes, version %s%n",
                    ruleSet.ruleCount(), ruleSet.files().size(), ruleSet.wording().size(), ruleSet.version());
            if (!vetting.hasFixtures()) {
                out.printf("no fixtures directory at %s: only compiled, no guard run (--fixtures DIR)%n",
                        vetting.fixtures());
            } else {
                long moved = vetted.outcomes().stream().filter(FixtureRunner.Outcome::moved).count();
                out.printf("fixtures: every guard holds; %d of %d fixtures moved%n", moved, vetted.outcomes().size());
                vetted.movedScenarios().forEach(problem -> out.println("  moved " + problem));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Shows what a rule set would change, fixture by fixture, without changing anything: against "
                    + "another rule set (--against), or against the fixtures' expectations.")
    static class PreviewChanges implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--rules", defaultValue = "${env:ADVISOR_RULES:-rules}", paramLabel = "DIR",
                description = "the candidate rules (default: ADVISOR_RULES, else rules)")
        Path rules;

        @Option(names = "--against", paramLabel = "DIR", description = "the rules to compare with, e.g. a copy of "
                + "the live ones (default: the fixtures' expectations)")
        Path against;

        @Option(names = "--fixtures", defaultValue = "${env:ADVISOR_FIXTURES}", paramLabel = "DIR",
                description = "the fixtures (default: fixtures beside the rules directory)")
        Path fixtures;

        @Override
        public Integer call() {
            Path directory = Inputs.directory(rules, "rules");
            RuleSetVetting vetting = vetting(directory, fixtures);
            PrintWriter out = spec.commandLine().getOut();
            if (against == null) {
                RuleSetVetting.Vetted vetted = vetting.vet(RuleSetLoader.read(directory));
                out.printf("version %s: every guard holds; %d fixtures moved from their expectations%n",
                        vetted.ruleSet().version(), vetted.outcomes().stream().filter(FixtureRunner.Outcome::moved)
                                .count());
                vetted.movedScenarios().forEach(problem -> out.println("  " + problem));
                out.flush();
                return 0;
            }
            RuleSet base = HealthAdvisor.fromRules(Inputs.directory(against, "against")).ruleSet();
            Preview preview = vetting.preview(base, RuleSetLoader.read(directory));
            out.printf("%s -> %s%n", preview.baseVersion(), preview.version() == null ? "(does not compile)"
                    : preview.version());
            preview.summary().forEach(line -> out.println("  " + line));
            for (Preview.Move move : preview.moved()) {
                out.printf("  %s: %s -> %s%s%s%n", move.fixture(), move.before().health(), move.after().health(),
                        move.appeared().isEmpty() ? "" : "; + " + String.join(", ", move.appeared()),
                        move.disappeared().isEmpty() ? "" : "; - " + String.join(", ", move.disappeared()));
            }
            preview.errors().forEach(problem -> out.println("error: " + problem));
            out.flush();
            return preview.applicable() ? 0 : ErrorHandler.FAILED;
        }
    }

    @Command(name = "accept-changes", mixinStandardHelpOptions = true,
            description = "Vets a rule set as the service would and rewrites the expectations of the scenarios it "
                    + "moved, so that they hold under it; a broken guard refuses it and changes nothing.")
    static class AcceptChanges implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--rules", defaultValue = "${env:ADVISOR_RULES:-rules}", paramLabel = "DIR",
            description = "the rules directory (default: ADVISOR_RULES, else rules)")
        Path rules;

        @Option(names = "--fixtures", defaultValue = "${env:ADVISOR_FIXTURES}", paramLabel = "DIR",
                description = "the fixtures (default: fixtures beside the rules directory)")
        Path fixtures;

        @Override
        public Integer call() throws java.io.IOException {
            Path directory = Inputs.directory(rules, "rules");
            RuleSetVetting.Vetted vetted = vetting(directory, fixtures).vet(RuleSetLoader.read(directory));
            PrintWriter out = spec.commandLine().getOut();
            int updated = 0;
            for (FixtureRunner.Outcome outcome : vetted.outcomes()) {
                if (outcome.moved()) {
                    out.println("updated " + outcome.expectation());
                    ExpectationUpdate.accept(outcome).forEach(change -> out.println("  " + change));
                    updated++;
                }
            }
            out.printf("%d expectations updated for version %s%n", updated, vetted.ruleSet().version());
            out.flush();
            return 0;
        }
    }

    private static RuleSetVetting vetting(Path rules, Path fixtures) {
        return new RuleSetVetting(new RuleSetCompiler(Clock.systemUTC()),
                fixtures != null ? Inputs.directory(fixtures, "fixtures") : besideRules(rules), new Advisor());
    }

    /** Where the service looks for fixtures when none are named: beside the rules directory. */
    static Path besideRules(Path rules) {
        return rules.toAbsolutePath().normalize().resolveSibling("fixtures");
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Runs every fixture against its NAME.expected.json and reports each that fails.")
    static class Test implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--rules", defaultValue = "${env:ADVISOR_RULES:-rules}", paramLabel = "DIR",
            description = "the rules directory (default: ADVISOR_RULES, else rules)")
        Path rules;

        @Option(names = "--fixtures", defaultValue = "${env:ADVISOR_FIXTURES}", paramLabel = "DIR", description = "the directory of NAME.json and "
                + "NAME.expected.json pairs (default: fixtures beside the rules directory)")
        Path fixtures;

        @Override
        public Integer call() {
            Path directory = Inputs.directory(rules, "rules");
            HealthAdvisor advisor = HealthAdvisor.fromRules(directory);
            List<FixtureRunner.Outcome> outcomes = new FixtureRunner(advisor)
                    .runAll(Inputs.directory(fixtures != null ? fixtures : besideRules(directory), "fixtures"));
            PrintWriter out = spec.commandLine().getOut();
            for (FixtureRunner.Outcome outcome : outcomes) {
                out.println((outcome.passed() ? "PASS " : "FAIL ") + outcome.fixture()
                        + (outcome.isGuard() ? " (guard)" : ""));
                outcome.problems().forEach(problem -> out.println("     " + problem));
            }
            long failed = outcomes.stream().filter(o -> !o.passed()).count();
            out.printf("fixtures: %d passed, %d failed%n", outcomes.size() - failed, failed);
            out.flush();
            return failed == 0 && !outcomes.isEmpty() ? 0 : ErrorHandler.FAILED;
        }
    }
}
