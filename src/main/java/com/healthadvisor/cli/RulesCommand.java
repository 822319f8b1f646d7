package com.healthadvisor.cli;

import com.healthadvisor.HealthAdvisor;
import com.healthadvisor.fixture.FixtureRunner;
import com.healthadvisor.ruleset.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code rules check} and {@code rules test}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Checks and tests a rule set.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: check or test");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compiles and validates a rule set; prints each problem as file:line: message.")
    static class Check implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--rules", defaultValue = "rules", paramLabel = "DIR", description = "the rules directory")
        Path rules;

        @Override
        public Integer call() {
            RuleSet ruleSet = HealthAdvisor.fromRules(Inputs.directory(rules, "rules")).ruleSet();
            spec.commandLine().getOut().printf("ok: %d rules in %d files, %d diagnosis codes, version %s%n",
                    ruleSet.ruleCount(), ruleSet.files().size(), ruleSet.wording().size(), ruleSet.version());
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Runs every fixture against its NAME.expected.json and reports each that fails.")
    static class Test implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--rules", defaultValue = "rules", paramLabel = "DIR", description = "the rules directory")
        Path rules;

        @Option(names = "--fixtures", defaultValue = "fixtures", paramLabel = "DIR",
                description = "the directory of NAME.json and NAME.expected.json pairs")
        Path fixtures;

        @Override
        public Integer call() {
            HealthAdvisor advisor = HealthAdvisor.fromRules(Inputs.directory(rules, "rules"));
            List<FixtureRunner.Outcome> outcomes =
                    new FixtureRunner(advisor).runAll(Inputs.directory(fixtures, "fixtures"));
            PrintWriter out = spec.commandLine().getOut();
            for (FixtureRunner.Outcome outcome : outcomes) {
                out.println((outcome.passed() ? "PASS " : "FAIL ") + outcome.fixture());
                outcome.failures().forEach(failure -> out.println("     " + failure));
            }
            long failed = outcomes.stream().filter(o -> !o.passed()).count();
            out.printf("fixtures: %d passed, %d failed%n", outcomes.size() - failed, failed);
            out.flush();
            return failed == 0 && !outcomes.isEmpty() ? 0 : ErrorHandler.FAILED;
        }
    }
}
