package com.healthadvisor.cli;

import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.snapshot.SnapshotWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code snapshot --ledger FILE [--period YYYY-MM]}: prints the snapshot built from a billing ledger. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Builds a snapshot from a per-customer monthly MRR ledger (CSV) and prints it as JSON.")
class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ledger", required = true, paramLabel = "FILE",
            description = "CSV with customer_id,month,mrr and optional users,currency,product,market,plan,region,channel "
                    + "(- for stdin)")
    String ledger;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "the month to build (default: the ledger's last)")
    String period;

    @Option(names = "--company", description = "the company name to put in the snapshot")
    String company;

    @Option(names = "--currency", description = "the ledger's currency (default: its currency column, else USD)")
    String currency;

    @Option(names = "--allow-empty-months", description = "a month with no rows is real, not missing from the export")
    boolean allowEmptyMonths;

    @Override
    public Integer call() {
        var snapshot = LedgerSnapshots.read(Inputs.reader(ledger, System.in), period, company, currency,
                allowEmptyMonths);
        spec.commandLine().getOut().println(SnapshotWriter.write(snapshot));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
