package com.healthadvisor.cli;

import com.healthadvisor.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bench [--quick]}: prints every performance figure with its unit, then a table against the targets. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures diagnosis, HTTP, rule reload, ledger import, the company memory and start-up on this "
                + "machine.")
class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "shorter warm-up and iterations (under 2 minutes)")
    boolean quick;

    @Option(names = "--rules", defaultValue = "${env:ADVISOR_RULES:-rules}", paramLabel = "DIR",
            description = "the rules directory (default: ADVISOR_RULES, else rules)")
    Path rules;

    @Option(names = "--fixtures", defaultValue = "fixtures", paramLabel = "DIR",
            description = "where the seed snapshots are (default: ${DEFAULT-VALUE}; the typical snapshot is "
                    + "seed-2-warning-signs.json)")
    Path fixtures;

    @Option(names = "--memory-only", description = "only the company memory's figures, on the H2 file and on "
            + "PostgreSQL (Debian's binaries, or ADVISOR_TEST_POSTGRES_URL)")
    boolean memoryOnly;

    @Option(names = "--engine-only", description = "only the in-process figures: snapshots/s and the rule engine's "
            + "cost against parsing and metric facts (typical and large snapshot)")
    boolean engineOnly;

    @Option(names = "--service-only", description = "only the service's figures: start-up, HTTP under wrk (warmed "
            + "until the rate settles, beside the host's own ceiling for the same load) and rule reloads under load")
    boolean serviceOnly;

    @Override
    public Integer call() throws Exception {
        Bench bench = new Bench(spec.commandLine().getOut(), Inputs.directory(rules, "rules"),
                Inputs.directory(fixtures, "fixtures"), quick);
        if (memoryOnly) {
            bench.runMemory();
        } else if (engineOnly) {
            bench.runEngine();
        } else if (serviceOnly) {
            bench.runService();
        } else {
            bench.run();
        }
        return 0;
    }
}
