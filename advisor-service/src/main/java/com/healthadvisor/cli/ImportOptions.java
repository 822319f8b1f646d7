package com.healthadvisor.cli;

import com.healthadvisor.imports.BillingImport;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** What an import takes beside its files and currency, shared by {@code import} and {@code diagnose --stripe} and the others. */
class ImportOptions {

    @Option(names = "--rates", paramLabel = "FILE", description = "exchange rates into the reporting currency: CSV "
            + "currency,rate")
    String rates;

    @Option(names = "--rates-by-month", description = "convert other currencies at each month's rate (the rates "
            + "file's month column), the movement the rates cause apart from expansion and contraction")
    boolean ratesByMonth;

    @Option(names = "--mapping", paramLabel = "FILE", description = "for a subscription CSV: which column holds "
            + "which field (field = column lines)")
    String mapping;

    @Option(names = "--through", paramLabel = "YYYY-MM", description = "the last month (default: the month of the "
            + "export's newest date)")
    String through;

    /** @param currency the reporting currency; null for the one the subscriptions are in */
    BillingImport read(BillingImport.Source source, List<String> files, String currency) {
        List<Reader> opened = new ArrayList<>();
        try {
            List<BillingImport.Input> inputs = new ArrayList<>();
            for (String file : files) {
                Reader reader = Inputs.reader(file, System.in);
                opened.add(reader);
                inputs.add(new BillingImport.Input(file, reader));
            }
            Reader ratesReader = rates == null ? null : Inputs.reader(rates, System.in);
            Reader mappingReader = mapping == null ? null : Inputs.reader(mapping, System.in);
            return BillingImport.read(source, inputs, new BillingImport.Options(currency, ratesReader, mappingReader,
                    through, ratesByMonth));
        } finally {
            opened.forEach(ImportOptions::close);
        }
    }

    static void summary(PrintWriter err, BillingImport billing, long lines, String where) {
        err.printf("read %,d subscriptions; wrote %,d ledger lines (%s to %s, in %s) to %s%n", billing.subscriptions(),
                lines, billing.firstMonth(), billing.lastMonth(), billing.currency(), where);
        billing.notes().forEach(note -> err.println("  left out: " + note));
        err.flush();
    }

    private static void close(Reader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // Read to the end already; nothing is lost by a close that fails.
        }
    }
}
