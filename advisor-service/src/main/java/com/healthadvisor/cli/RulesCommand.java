package com.healthadvisor.cli;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.fixture.ExpectationUpdate;
import com.healthadvisor.fixture.FixtureRunner;
import com.healthadvisor.live.Preview;
import com.healthadvisor.live.RuleSetVetting;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rules check | test | preview | accept-changes}: what an analyst runs before and after a rule change; and
 * {@code rules pull | push}: a running service's rule files, changed only if nobody changed them meanwhile.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Checks, tests and previews a rule set; pulls and pushes a running service's rule files.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class, RulesCommand.PreviewChanges.class,
                RulesCommand.AcceptChanges.class, RemoteRuleFiles.Pull.class, RemoteRuleFiles.Push.class})
class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand: check, test, preview, accept-changes, pull or push");
    }

    /** The directories every rules subcommand reads: the rules, and the fixtures beside them unless named. */
    static class Directories {

        @Option(names = "--rules", defaultValue = "${env:ADVISOR_RULES:-rules}", paramLabel = "DIR",
                description = "the rules directory (default: ADVISOR_RULES, else rules)")
        Path rules;

        @Option(names = "--fixtures", defaultValue = "${env:ADVISOR_FIXTURES}", paramLabel = "DIR",
                description = "the NAME.json and NAME.expected.json pairs (default: ADVISOR_FIXTURES, else fixtures "
                        + "beside the rules directory)")
        Path fixtures;

        Path rules() {
            return Inputs.directory(rules, "rules");
        }

        /** Named fixtures must exist; unnamed, they are looked for where the service looks: beside the rules. */
        Path fixtures() {
            return fixtures != null ? Inputs.directory(fixtures, "fixtures")
                    : rules().toAbsolutePath().normalize().resolveSibling("fixtures");
        }

        /** The service's own vetting, so that what these commands say is what the service would do. */
        RuleSetVetting vetting() {
            return new RuleSetVetting(new RuleSetCompiler(Clock.systemUTC()), fixtures(), new Advisor());
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Vets a rule set exactly as the service would: compiles and validates it, runs the guard "
                    + "fixtures (a broken guard refuses it, file:line: message) and lists the scenarios it moves.")
    static class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Directories directories;

        @Override
        public Integer call() {
            RuleSetVetting vetting = directories.vetting();
            RuleSetVetting.Vetted vetted = vetting.vet(RuleSetLoader.read(directories.rules()));
            RuleSet ruleSet = vetted.ruleSet();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("ok: %d rules in %d files, %d diagnosis codes, version %s%n",
                    ruleSet.ruleCount(), ruleSet.files().size(), ruleSet.wording().size(), ruleSet.version());
            if (!vetting.hasFixtures()) {
                out.printf("no fixtures directory at %s: only compiled, no guard run (--fixtures DIR)%n",
                        vetting.fixtures());
            } else {
                out.printf("fixtures: every guard holds; %d of %d fixtures moved%n", moved(vetted),
                        vetted.outcomes().size());
                vetted.movedScenarios().forEach(problem -> out.println("  moved " + problem));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Runs every fixture against its NAME.expected.json and reports each that fails.")
    static class Test implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Directories directories;

        @Option(names = "--verbose", description = "list every fixture that passes too, not only the failures")
        boolean verbose;

        @Override
        public Integer call() {
            RuleSet ruleSet = RuleSetLoader.loadAsLastChanged(directories.rules());
            Path fixtures = Inputs.directory(directories.fixtures(), "fixtures");
            List<FixtureRunner.Outcome> outcomes = new FixtureRunner(new Advisor(), ruleSet).runAll(fixtures);
            PrintWriter out = spec.commandLine().getOut();
            if (outcomes.isEmpty()) {
                spec.commandLine().getErr().println("error: no fixtures in " + fixtures
                        + ": nothing was tested (a fixture is NAME.json beside NAME.expected.json)");
                return ErrorHandler.FAILED;
            }
            for (FixtureRunner.Outcome outcome : outcomes) {
                if (verbose || !outcome.passed()) {
                    out.println((outcome.passed() ? "PASS " : "FAIL ") + outcome.fixture()
                            + (outcome.isGuard() ? " (guard)" : ""));
                    outcome.problems().forEach(problem -> out.println("     " + problem));
                }
            }
            long failed = outcomes.stream().filter(o -> !o.passed()).count();
            out.printf("fixtures: %d passed, %d failed%n", outcomes.size() - failed, failed);
            out.flush();
            return failed == 0 ? 0 : ErrorHandler.FAILED;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Shows what a rule set would change, fixture by fixture, without changing anything: against "
                    + "another rule set (--against), or against the fixtures' expectations.")
    static class PreviewChanges implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Directories directories;

        @Option(names = "--against", paramLabel = "DIR", description = "the rules to compare with, e.g. a copy of "
                + "the live ones (default: the fixtures' expectations)")
        Path against;

        @Override
        public Integer call() {
            RuleSetVetting vetting = directories.vetting();
            PrintWriter out = spec.commandLine().getOut();
            if (against == null) {
                RuleSetVetting.Vetted vetted = vetting.vet(RuleSetLoader.read(directories.rules()));
                out.printf("version %s: every guard holds; %d fixtures moved from their expectations%n",
                        vetted.ruleSet().version(), moved(vetted));
                vetted.movedScenarios().forEach(problem -> out.println("  " + problem));
                out.flush();
                return 0;
            }
            RuleSet base = RuleSetLoader.loadAsLastChanged(Inputs.directory(against, "against"));
            Preview preview = vetting.preview(base, RuleSetLoader.read(directories.rules()));
            print(preview, out);
            return preview.applicable() ? 0 : ErrorHandler.FAILED;
        }

        private static void print(Preview preview, PrintWriter out) {
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
        }
    }

    @Command(name = "accept-changes", mixinStandardHelpOptions = true,
            description = "Vets a rule set as the service would and rewrites the expectations of the scenarios it "
                    + "moved, so that they hold under it; a broken guard refuses it and changes nothing.")
    static class AcceptChanges implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Directories directories;

        @Override
        public Integer call() throws IOException {
            RuleSetVetting.Vetted vetted = directories.vetting().vet(RuleSetLoader.read(directories.rules()));
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

    private static long moved(RuleSetVetting.Vetted vetted) {
        return vetted.outcomes().stream().filter(FixtureRunner.Outcome::moved).count();
    }
}
