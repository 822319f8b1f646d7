package com.healthadvisor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** The top-level command; its subcommands ({@link #SUBCOMMANDS}) do the work. */
@Command(name = "health-advisor", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Diagnoses SaaS metric snapshots with editable rules.")
class HealthAdvisorCommand implements Runnable {

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(DiagnoseCommand.class, RulesCommand.class, ServeCommand.class,
            SnapshotCommand.class, CompaniesCommand.class, ImportCommand.class, HashPasswordCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** A command line with exit codes and messages mapped as contract.md section 3 says. */
    public static CommandLine commandLine() {
        CommandLine commandLine = commandLine(new HealthAdvisorCommand());
        SUBCOMMANDS.forEach(subcommand -> commandLine.addSubcommand(newInstance(subcommand)));
        return commandLine;
    }

    /**
     * The command line for these arguments: when they start with a subcommand's name, the top-level command with
     * that subcommand alone, which answers exactly as the whole would; else the whole. Building every subcommand's
     * options from their annotations took a fifth of a second of each call, the one a script calls most included.
     */
    public static CommandLine commandLine(String[] args) {
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(subcommand -> subcommand != CommandLine.HelpCommand.class)
                .filter(subcommand -> subcommand.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        if (named == null) {
            return commandLine();
        }
        CommandLine commandLine = commandLine(new HealthAdvisorCommand());
        commandLine.addSubcommand(newInstance(named));
        return commandLine;
    }

    private static Object newInstance(Class<?> subcommand) {
        try {
            var constructor = subcommand.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the " + subcommand.getSimpleName() + " command", e);
        }
    }

    public static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }
}
