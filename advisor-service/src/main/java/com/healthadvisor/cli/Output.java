package com.healthadvisor.cli;

import com.healthadvisor.report.ResultJson;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

/** What a command prints: text as it is, a PDF's bytes as they are (for "> report.pdf"), anything else as JSON. */
final class Output {

    private Output() {
    }

    static void print(CommandSpec spec, Object value) {
        if (value instanceof byte[] bytes) {
            System.out.write(bytes, 0, bytes.length);
            System.out.flush();
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(value instanceof String text ? text : ResultJson.mapper().writeValueAsString(value));
        out.flush();
    }
}
