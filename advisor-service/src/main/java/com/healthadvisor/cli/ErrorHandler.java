package com.healthadvisor.cli;

import com.healthadvisor.diagnosis.EngineException;
import com.healthadvisor.InvalidLedgerException;
import com.healthadvisor.RuleSetException;
import com.healthadvisor.InvalidSnapshotException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Turns exceptions into one plain message and an exit code: 2 for bad input, 1 for rules and engine. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof InvalidSnapshotException invalid) {
            err.println("error: the snapshot is refused:");
            invalid.violations().forEach(v -> err.println("  " + v));
            return BAD_INPUT;
        }
        if (e instanceof InvalidLedgerException ledger) {
            err.println("error: the ledger is refused:");
            ledger.problems().forEach(p -> err.println("  " + p));
            return BAD_INPUT;
        }
        if (e instanceof com.healthadvisor.InvalidImportException export) {
            err.println("error: the export is refused:");
            export.problems().forEach(p -> err.println("  " + p));
            return BAD_INPUT;
        }
        if (e instanceof RuleSetException rules) {
            err.println("error: the rule set is refused:");
            rules.problems().forEach(p -> err.println("  " + p));
            return FAILED;
        }
        if (e instanceof UsageException || e instanceof UncheckedIOException
                || e instanceof com.healthadvisor.company.InvalidCompanyNameException
                || e instanceof com.healthadvisor.company.NoSuchPeriodException) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof ServiceClient.ServiceRefusedException refused) {
            err.println("error: " + e.getMessage());
            return refused.status < 500 ? BAD_INPUT : FAILED;
        }
        if (e instanceof EngineException || e instanceof com.healthadvisor.company.NewerSchemaException
                || e instanceof com.healthadvisor.company.Database.DatabaseInUseException) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
        err.println("error: " + e);
        return FAILED;
    }
}
