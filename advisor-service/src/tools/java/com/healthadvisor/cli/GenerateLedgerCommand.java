package com.healthadvisor.cli;

import com.healthadvisor.ledger.LedgerGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code generate-ledger --customers N --months M --out FILE}: a synthetic ledger, to reproduce import figures. */
@Command(name = "generate-ledger", mixinStandardHelpOptions = true,
        description = "Writes a synthetic MRR ledger (the same for the same seed), to measure the ledger import.")
class GenerateLedgerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", defaultValue = "50000", description = "customers (default ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--months", defaultValue = "20", description = "months (default ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the CSV")
    Path out;

    @Override
    public Integer call() throws IOException {
        long rows;
        try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
                StandardCharsets.UTF_8), 1 << 16)) {
            rows = LedgerGenerator.write(writer, customers, months, seed);
        }
        spec.commandLine().getOut().printf("wrote %,d rows for %,d customers over %d months to %s%n", rows, customers,
                months, out);
        return 0;
    }
}
