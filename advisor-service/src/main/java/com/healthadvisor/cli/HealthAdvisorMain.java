package com.healthadvisor.cli;

import picocli.CommandLine;

/** {@code java -jar health-advisor.jar COMMAND}: see {@code --help}. */
public final class HealthAdvisorMain {

    private HealthAdvisorMain() {
    }

    public static void main(String[] args) {
        ColdStart coldStart = ColdStart.begin(args);
        // Before the first logger: the commands log to standard error, leaving standard output to their result;
        // the service logs as Spring Boot does, as text or, by logging.structured.format.console, JSON lines.
        if (args.length == 0 || !args[0].equals("serve")) {
            CommandLogging.configure();
        }
        CommandLine commandLine = HealthAdvisorCommand.commandLine(args);
        coldStart.awaitDone();
        System.exit(commandLine.execute(args));
    }
}
