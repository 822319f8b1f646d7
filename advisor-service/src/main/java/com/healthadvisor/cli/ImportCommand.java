package com.healthadvisor.cli;

import com.healthadvisor.imports.BillingImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code import stripe|chargebee|csv FILE... --out LEDGER}: a billing export as the per-customer monthly ledger that
 * {@code diagnose --ledger}, {@code companies ledger} and the API read (docs/imports.md).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turns a billing export (Stripe, Chargebee, a subscription CSV) into a per-customer MRR ledger.")
class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "stripe, chargebee or csv")
    String source;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "the export's files (Stripe: subscriptions, and invoices for metered prices)")
    List<String> files;

    @Mixin
    ImportOptions options;

    @Option(names = "--currency", paramLabel = "CODE", description = "the reporting currency (default: the one the "
            + "subscriptions are in)")
    String currency;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the ledger to write (- for "
            + "standard output)")
    String out;

    @Override
    public Integer call() throws IOException {
        BillingImport billing = options.read(BillingImport.Source.of(source), files, currency);
        long lines;
        if ("-".equals(out)) {
            Writer writer = spec.commandLine().getOut();
            lines = billing.writeLedger(writer);
        } else {
            try (Writer writer = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
                lines = billing.writeLedger(writer);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
        }
        ImportOptions.summary(spec.commandLine().getErr(), billing, lines, "-".equals(out) ? "standard output" : out);
        return 0;
    }
}
