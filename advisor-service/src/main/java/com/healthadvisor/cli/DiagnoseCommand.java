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

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code diagnose FILE|- [--format json|markdown|html] [--fragment] [--rules DIR]}: prints the diagnosis of one snapshot. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnoses one snapshot file (- reads standard input) and prints the result.")
class DiagnoseCommand implements Callable<Integer> {

    enum Format { json, markdown, html, pdf }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the snapshot JSON, or - for standard input")
    String file;

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
        long inputs = java.util.stream.Stream.of(file, ledger, stripe, chargebee, subscriptions)
                .filter(java.util.Objects::nonNull).count();
        if (inputs != 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give one of: a snapshot FILE, --ledger FILE, --stripe FILE..., --chargebee FILE..., "
                            + "--subscriptions FILE...");
        }
        if (file != null && (company != null || currency != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--company and --currency are for a ledger or an export: a snapshot file states its own");
        }
        Snapshot snapshot = file != null ? new SnapshotReader().read(Inputs.read(file, System.in)) : fromLedger();
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
