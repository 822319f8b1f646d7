package com.healthadvisor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The tools that measure the product, kept out of its jar: {@code ./health-advisor bench} and
 * {@code ./health-advisor generate-ledger} run them from the build's tools classes (src/tools/java).
 */
@Command(name = "health-advisor", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Measures this machine, and writes synthetic ledgers to measure with.",
        subcommands = {BenchCommand.class, GenerateLedgerCommand.class, CommandLine.HelpCommand.class})
public class ToolsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a tool: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.exit(HealthAdvisorCommand.commandLine(new ToolsCommand()).execute(args));
    }
}
