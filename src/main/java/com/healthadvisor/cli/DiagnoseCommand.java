package com.healthadvisor.cli;

import com.healthadvisor.HealthAdvisor;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.snapshot.SnapshotReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code diagnose FILE|- [--format json] [--rules DIR]}: prints the diagnosis of one snapshot. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnoses one snapshot file (- reads standard input) and prints the result.")
class DiagnoseCommand implements Callable<Integer> {

    enum Format { json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the snapshot JSON, or - for standard input")
    String file;

    @Option(names = "--format", defaultValue = "json", description = "output format: ${COMPLETION-CANDIDATES}")
    Format format;

    @Option(names = "--rules", defaultValue = "rules", paramLabel = "DIR", description = "the rules directory")
    Path rules;

    @Override
    public Integer call() {
        byte[] json = Inputs.read(file, System.in);
        var snapshot = new SnapshotReader().read(json);
        HealthAdvisor advisor = HealthAdvisor.fromRules(Inputs.directory(rules, "rules"));
        spec.commandLine().getOut().println(ResultJson.write(advisor.diagnose(snapshot)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
