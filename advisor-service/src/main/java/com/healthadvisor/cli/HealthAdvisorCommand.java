package com.healthadvisor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; its subcommands do the work. */
@Command(name = "health-advisor", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Diagnoses SaaS metric snapshots with editable rules.",
        subcommands = {DiagnoseCommand.class, RulesCommand.class, ServeCommand.class, SnapshotCommand.class,
                CompaniesCommand.class, ImportCommand.class, HashPasswordCommand.class, CommandLine.HelpCommand.class})
class HealthAdvisorCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** A command line with exit codes and messages mapped as contract.md section 3 says. */
    public static CommandLine commandLine() {
        return commandLine(new HealthAdvisorCommand());
    }

    public static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }
}
