package com.healthadvisor.cli;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.report.Reports;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.snapshot.SnapshotReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
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

    @Option(names = "--allow-empty-months", description = "with --ledger: a month with no rows is real, not missing")
    boolean allowEmptyMonths;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "with --ledger: the month (default: the last)")
    String period;

    @Option(names = "--company", paramLabel = "NAME", description = "with --ledger: the company's name (default: "
            + "none; a snapshot file names its own)")
    String company;

    @Option(names = "--currency", paramLabel = "CODE", description = "with --ledger: the ledger's currency (default: its "
            + "currency column, else USD)")
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
        if ((file == null) == (ledger == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give either a snapshot FILE or --ledger FILE");
        }
        if (ledger == null && (company != null || currency != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--company and --currency are for --ledger: a snapshot file states its own");
        }
        Snapshot snapshot = ledger != null
                ? LedgerSnapshots.read(Inputs.reader(ledger, System.in), period, company, currency, allowEmptyMonths)
                : new SnapshotReader().read(Inputs.read(file, System.in));
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
}
