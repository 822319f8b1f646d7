package com.healthadvisor.portfolio;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.HealthAdvisor;
import com.healthadvisor.InvalidLedgerException;
import com.healthadvisor.InvalidSnapshotException;
import com.healthadvisor.RuleFiles;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One company's rows of the portfolio ledger diagnosed with the advisor's own code, as {@code diagnose --ledger
 * FILE --company NAME} does it: the rows become that company's ledger CSV, the ledger code of the command line makes
 * its snapshot, and the rule set judges it. The rule set travels as its files (a broadcast value) and is compiled
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
    static Outcome of(String company, List<String> header, List<List<String>> rows, String period, RuleFiles rules) {
        if (company.isBlank()) {
            return new Outcome(company, period, null, null, null, rows.size() + " row(s) have no company_id: give "
                    + "each row its company; the other companies are diagnosed without them");
        }
        try {
            DiagnosisResult result = compiled(rules).diagnoseLedger(new StringReader(csv(header, rows)), period,
                    company);
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

    /** The company's ledger as the command line would read it from a file of its own. */
    static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder(64 * (rows.size() + 1));
        line(text, header);
        rows.forEach(row -> line(text, row));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String value = values.get(i) == null ? "" : values.get(i);
            boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0;
            text.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        text.append('\n');
    }
}
