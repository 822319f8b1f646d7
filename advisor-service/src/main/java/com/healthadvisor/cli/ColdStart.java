package com.healthadvisor.cli;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.json.Json;
import com.healthadvisor.ruleset.CsvLines;
import com.healthadvisor.snapshot.SnapshotReader;
import java.util.List;

/**
 * A command's JVM is cold: the first use of the JSON reader, the metric catalog and the rule set's fact types each
 * runs a static initializer first. Those run on a thread of their own while the main thread sets up logging and the
 * command line, which use none of these classes; the command starts once they are done. The two threads never
 * initialize classes of the other's at the same time, so no initializer can wait on one that waits on it. (The DRL
 * and Java parsers are no longer among them: a call whose rules were compiled before reads their inspection back.)
 */
final class ColdStart {

    /**
     * Classes whose initializers a {@code diagnose} runs, slowest first. Named through their class where it can be
     * seen from here (a rename is then a compile error); the rule set's own one is package-private, so by name,
     * and tested to exist.
     */
    static final List<String> CLASSES = List.of(
            Json.class.getName(),
            MetricCatalog.class.getName(),
            SnapshotReader.class.getName(),
            "com.healthadvisor.ruleset.FactTypes",
            CsvLines.class.getName());

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

    /** Whether initializers run on a thread of their own (only for a {@code diagnose}). */
    boolean started() {
        return thread != null;
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
