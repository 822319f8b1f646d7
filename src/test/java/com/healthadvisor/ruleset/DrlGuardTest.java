package com.healthadvisor.ruleset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule file is code: each construct that reaches outside the facts is refused before compiling. */
class DrlGuardTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler(Clock.systemUTC());
    private List<RuleFile> files;

    @BeforeEach
    void readTheDefaultRules() {
        files = new ArrayList<>(RuleSetLoader.read(Path.of("rules")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an import of java.io                 | import java.io.File;                   | Metric(code == "mrr")                   | insert(Finding.of("RUNWAY_SHORT", "critical", $m)); | import java.io.File is not allowed
            an import of java.lang.System        | import java.lang.System;               | Metric(code == "mrr")                   | insert(Finding.of("RUNWAY_SHORT", "critical", $m)); | import java.lang.System is not allowed
            an import of java.util.concurrent    | import java.util.concurrent.Executors; | Metric(code == "mrr")                   | insert(Finding.of("RUNWAY_SHORT", "critical", $m)); | import java.util.concurrent.Executors is not allowed
            a global                             | global java.util.List sink;            | Metric(code == "mrr")                   | insert(Finding.of("RUNWAY_SHORT", "critical", $m)); | global sink is not allowed
            a function                           | function int two() { return 2; }       | Metric(code == "mrr")                   | insert(Finding.of("RUNWAY_SHORT", "critical", $m)); | function two is not allowed
            a type declaration                   | declare Secret name : String end       | Metric(code == "mrr")                   | insert(Finding.of("RUNWAY_SHORT", "critical", $m)); | declare Secret is not allowed
            System by its full name              |                                        | Metric(code == "mrr")                   | java.lang.System.exit(1);                           | "exit" reaches outside the facts
            Runtime.exec                         |                                        | Metric(code == "mrr")                   | Runtime.getRuntime().exec("rm -rf /");              | reaches outside the facts
            a process builder                    |                                        | Metric(code == "mrr")                   | new ProcessBuilder("sh").start();                   | "ProcessBuilder" reaches outside the facts
            a thread                             |                                        | Metric(code == "mrr")                   | new java.lang.Thread().start();                     | "Thread" reaches outside the facts
            reflection                           |                                        | Metric(code == "mrr")                   | Class.forName("java.lang.Runtime");                 | reaches outside the facts
            a class loader                       |                                        | Metric(code == "mrr")                   | Object o = $m.getClass().getClassLoader();          | reaches outside the facts
            reading a file                       |                                        | Metric(code == "mrr")                   | java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd")); | reaches outside the facts
            the network                          |                                        | Metric(code == "mrr")                   | new java.net.Socket("localhost", 80);               | reaches outside the facts
            a loop                               |                                        | Metric(code == "mrr")                   | while (true) { }                                    | loops are not allowed
            a lambda                             |                                        | Metric(code == "mrr")                   | Runnable r = () -> { };                             | lambdas, method references and classes are not allowed
            a call in a condition                |                                        | Metric(code == "mrr") and eval(System.currentTimeMillis() > 0) | insert(Finding.of("RUNWAY_SHORT", "critical", $m)); | "System" reaches outside the facts
            """)
    void refuses(String construct, String header, String condition, String consequence, String message) {
        String drl = "package rules;\nimport com.healthadvisor.facts.Metric;\nimport com.healthadvisor.facts.Finding;\n"
                + (header == null ? "" : header + "\n")
                + "rule \"Guarded\"\nwhen\n    $m : " + condition + "\nthen\n    " + consequence + "\nend\n";
        files.add(new RuleFile("guarded.drl", drl));

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems())
                        .anyMatch(p -> p.file().equals("guarded.drl") && p.line() > 0 && p.message().contains(message)));
    }
}
