package com.healthadvisor.cli;

import java.util.List;

/**
 * A command's JVM is cold: the first use of the JSON reader, the DRL parser and the consequences' Java parser each
 * runs a static initializer first. Those run on a thread of their own while the main thread sets up logging and the
 * command line, which use none of these classes; the command starts once they are done. The two threads never
 * initialize classes of the other's at the same time, so no initializer can wait on one that waits on it.
 */
final class ColdStart {

    /** Classes whose initializers a {@code diagnose} runs, slowest first; tested to exist. */
    static final List<String> CLASSES = List.of(
            "com.healthadvisor.json.Json",
            "com.github.javaparser.ParserConfiguration$LanguageLevel",
            "com.healthadvisor.catalog.MetricCatalog",
            "com.healthadvisor.snapshot.SnapshotReader",
            "com.github.javaparser.metamodel.JavaParserMetaModel",
            "com.github.javaparser.ParseStart",
            "org.drools.drl.parser.lang.ParserHelper",
            "org.drools.drl.parser.lang.DRL6Lexer",
            "com.healthadvisor.ruleset.DrlAllowList",
            "com.healthadvisor.ruleset.FactTypes",
            "com.healthadvisor.ruleset.CsvLines");

    private final Thread thread;

    private ColdStart(Thread thread) {
        this.thread = thread;
    }

    /** Starts the initializers for a {@code diagnose}; for any other command, nothing. */
    static ColdStart begin(String[] args) {
        if (args.length == 0 || !args[0].equals("diagnose")) {
            return new ColdStart(null);
        }
        Thread thread = new Thread(ColdStart::initialize, "cold-start");
        thread.setDaemon(true);
        thread.start();
        return new ColdStart(thread);
    }

    /** Waits for the initializers, so that the command never races them. */
    void awaitDone() {
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void initialize() {
        ClassLoader loader = ColdStart.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // Only a head start: the command loads the class itself when it needs it, and says so if it cannot.
            }
        }
    }
}
