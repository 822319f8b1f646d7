package com.healthadvisor.cli;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures what it prints, as a user's terminal would see it. */
final class Cli {

    record Run(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Run run(String... args) {
        return runWithInput("", args);
    }

    /** The tools (bench, generate-ledger), which live beside the tests, not in the product's jar. */
    static Run runTool(String... args) {
        return run(HealthAdvisorCommand.commandLine(new ToolsCommand()), "", args);
    }

    static Run runWithInput(String stdin, String... args) {
        return run(HealthAdvisorCommand.commandLine(), stdin, args);
    }

    private static synchronized Run run(CommandLine commandLine, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int exitCode = commandLine.execute(args);
            return new Run(exitCode, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }
}
