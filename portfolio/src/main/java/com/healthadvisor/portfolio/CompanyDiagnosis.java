package com.healthadvisor.portfolio;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.HealthAdvisor;
import com.healthadvisor.InvalidLedgerException;
import com.healthadvisor.InvalidSnapshotException;
import com.healthadvisor.RuleFiles;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One company's rows of the portfolio ledger diagnosed with the advisor's own code, as {@code diagnose --ledger
 * FILE --company NAME} does it: the rows go to the ledger reader of the command line as the values of that
 * company's ledger file (read exactly as that file would be), it makes the snapshot, and the rule set judges it. The rule set travels as its files (a broadcast value) and is compiled
 * once per executor JVM, then shared by every task there. Only the advisor's API is used: what a user embedding it
 * would call.
 */
final class CompanyDiagnosis {

    /** What the job writes for one company. {@code error} says why a company has no diagnosis. */
    record Outcome(String company, String period, String health, String topCode, String result, String error) {
    }

    /** By version: hashing the files themselves for every company would cost more than the lookup saves. */
    private static final Map<String, HealthAdvisor> COMPILED = new ConcurrentHashMap<>();

    private CompanyDiagnosis() {
    }

    /**
     * @param header the ledger's columns without {@code company_id}, in the file's order
     * @param rows   the company's rows, in the file's order, each value as the file has it
     */
    static Outcome of(String company, List<String> header, Iterator<List<String>> rows, String period,
                      RuleFiles rules) {
        if (company.isBlank()) {
            long count = 0;
            for (; rows.hasNext(); rows.next()) {
                count++;
            }
            return new Outcome(company, period, null, null, null, count + " row(s) have no company_id: give "
                    + "each row its company; the other companies are diagnosed without them");
        }
        try {
            DiagnosisResult result = compiled(rules).diagnoseLedger(header, rows, period, company);
            String top = result.top() == null ? null : result.top().code();
            return new Outcome(company, result.period(), result.health(), top, HealthAdvisor.compactJson(result),
                    null);
        } catch (InvalidLedgerException | InvalidSnapshotException e) {
            return new Outcome(company, period, null, null, null, e.getMessage());
        }
    }

    static HealthAdvisor compiled(RuleFiles rules) {
        return COMPILED.computeIfAbsent(rules.version(), version -> HealthAdvisor.fromRules(rules));
    }
}
