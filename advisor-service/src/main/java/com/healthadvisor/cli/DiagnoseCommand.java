package com.healthadvisor.cli;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.imports.BillingImport;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.report.Reports;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code diagnose FILE|- [--format json|markdown|html|pdf] [--fragment] [--rules DIR]}: prints the diagnosis of one
 * snapshot; given several files or a folder, diagnoses each with the rules compiled once ({@link SnapshotBatch}).
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Diagnoses one snapshot file (- reads standard input) and prints the result.",
                "Several files or a folder: one JSON line per snapshot, or with --out DIR one report each."})
class DiagnoseCommand implements Callable<Integer> {

    enum Format {
        json(".json"), markdown(".md"), html(".html"), pdf(".pdf");

        /** How a file of this format is named, for one report each. */
        final String ending;

        Format(String ending) {
            this.ending = ending;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "the snapshot JSON (- for standard input), or "
            + "several, or folders of them (their *.json files)")
    List<String> files;

    @Option(names = "--out", paramLabel = "DIR", description = "with several snapshots: write each one's result or "
            + "report into DIR as NAME.json, .md, .html or .pdf instead of printing JSON lines")
    Path out;

    @Option(names = "--ledger", paramLabel = "FILE", description = "diagnose the snapshot built from this MRR ledger (CSV)")
    String ledger;

    @Option(names = "--stripe", arity = "1..*", paramLabel = "FILE", description = "diagnose a Stripe export: "
            + "subscriptions (and invoices for metered prices), as the API lists them")
    List<String> stripe;

    @Option(names = "--chargebee", arity = "1..*", paramLabel = "FILE", description = "diagnose a Chargebee export: "
            + "its API's subscription list (JSON) or its subscriptions CSV")
    List<String> chargebee;

    @Option(names = "--subscriptions", arity = "1..*", paramLabel = "FILE", description = "diagnose a subscription "
            + "CSV (docs/imports.md; --mapping names other columns)")
    List<String> subscriptions;

    @Mixin
    ImportOptions importOptions;

    @Option(names = "--allow-empty-months", description = "with --ledger: a month with no rows is real, not missing")
    boolean allowEmptyMonths;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "with a ledger or an export: the month "
            + "(default: the last)")
    String period;

    @Option(names = "--company", paramLabel = "NAME", description = "with a ledger or an export: the company's "
            + "name (default: none; a snapshot file names its own)")
    String company;

    @Option(names = "--currency", paramLabel = "CODE", description = "with --ledger: the ledger's currency (default: "
            + "its currency column, else USD); with an export: the reporting currency (default: the one its "
            + "subscriptions are in)")
    String currency;

    @Option(names = "--format", defaultValue = "json",
            description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--rules", defaultValue = "${env:ADVISOR_RULES:-rules}", paramLabel = "DIR",
            description = "the rules directory (default: ADVISOR_RULES, else rules)")
    Path rules;

    @Option(names = "--fragment", description = "with --format html: a <section> to embed in another page")
    boolean fragment;

    @Override
    public Integer call() {
        if (fragment && format != Format.html) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--fragment is for --format html: a <section> to embed in another page");
        }
        long inputs = Stream.of(files, ledger, stripe, chargebee, subscriptions)
                .filter(java.util.Objects::nonNull).count();
        if (inputs != 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give one of: a snapshot FILE, --ledger FILE, --stripe FILE..., --chargebee FILE..., "
                            + "--subscriptions FILE...");
        }
        if (files != null && (company != null || currency != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--company and --currency are for a ledger or an export: a snapshot file states its own");
        }
        if (files != null && SnapshotBatch.isBatch(files)) {
            return batch();
        }
        if (out != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--out is for several snapshots or a folder: one snapshot's result is printed");
        }
        Snapshot snapshot = files != null ? new SnapshotReader().read(Inputs.read(files.get(0), System.in))
                : fromLedger();
        RuleSet ruleSet = RuleSetLoader.loadAsLastChanged(Inputs.directory(rules, "rules"));
        DiagnosisResult result = new Advisor().diagnose(snapshot, ruleSet);
        Object output = switch (format) {
            case json -> ResultJson.write(result);
            case markdown -> Reports.markdown(result, snapshot, ruleSet);
            case html -> Reports.html(result, snapshot, ruleSet, fragment);
            case pdf -> Reports.pdf(result, snapshot, ruleSet);
        };
        Output.print(spec, output);
        return 0;
    }

    private int batch() {
        if (fragment || format != Format.json && out == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "several snapshots are printed as "
                    + "JSON lines; for one report each give --out DIR" + (fragment ? " (and no --fragment)" : ""));
        }
        SnapshotBatch batch = new SnapshotBatch(SnapshotBatch.expand(files),
                RuleSetLoader.loadAsLastChanged(Inputs.directory(rules, "rules")));
        PrintWriter err = spec.commandLine().getErr();
        int refused = out == null ? batch.printLines(spec.commandLine().getOut(), err)
                : batch.writeEach(out, format, err);
        return refused == 0 ? 0 : ErrorHandler.BAD_INPUT;
    }

    /** The snapshot of a ledger, given or made from a billing export (whose months are all real: none is missing). */
    private Snapshot fromLedger() {
        if (ledger != null) {
            return LedgerSnapshots.read(Inputs.reader(ledger, System.in), period, company, currency, allowEmptyMonths);
        }
        BillingImport.Source source = stripe != null ? BillingImport.Source.STRIPE
                : chargebee != null ? BillingImport.Source.CHARGEBEE : BillingImport.Source.CSV;
        List<String> files = stripe != null ? stripe : chargebee != null ? chargebee : subscriptions;
        BillingImport billing = importOptions.read(source, files, currency);
        billing.notes().forEach(note -> spec.commandLine().getErr().println("left out: " + note));
        return billing.snapshot(company, period);
    }
}
