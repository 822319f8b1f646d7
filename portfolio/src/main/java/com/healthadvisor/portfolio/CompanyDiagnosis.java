package com.healthadvisor.portfolio;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.diagnosis.DiagnosisResult;
import com.healthadvisor.ledger.InvalidLedgerException;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.snapshot.InvalidSnapshotException;

import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One company's rows of the portfolio ledger diagnosed with the advisor's own code, as {@code diagnose --ledger
 * FILE --company NAME} does it: the rows become that company's ledger CSV, the ledger code of the command line makes
 * its snapshot, and the rule set judges it. The rule set travels as its files (a broadcast value) and is compiled
 * once per executor JVM, then shared by every task there.
 */
final class CompanyDiagnosis {

    /** The rule files and when they last changed: the rule set's {@code loaded_at}, as on the command line. */
    record Rules(String version, Map<String, String> files, long changedMillis) implements Serializable {
    }

    /** What the job writes for one company. {@code error} says why a company has no diagnosis. */
    record Outcome(String company, String period, String health, String topCode, String result, String error) {
    }

    /** By version: hashing the files themselves for every company would cost more than the lookup saves. */
    private static final Map<String, RuleSet> COMPILED = new ConcurrentHashMap<>();
    private static final Advisor ADVISOR = new Advisor();

    private CompanyDiagnosis() {
    }

    /**
     * @param header the ledger's columns without {@code company_id}, in the file's order
     * @param rows   the company's rows, in the file's order, each value as the file has it
     */
    static Outcome of(String company, List<String> header, List<List<String>> rows, String period, Rules rules) {
        try {
            DiagnosisResult result = ADVISOR.diagnose(LedgerSnapshots.read(new StringReader(csv(header, rows)),
                    period, company, null), compiled(rules));
            String top = result.top() == null ? null : result.top().code();
            return new Outcome(company, result.period(), result.health(), top,
                    new String(ResultJson.writeCompact(result), StandardCharsets.UTF_8), null);
        } catch (InvalidLedgerException | InvalidSnapshotException e) {
            return new Outcome(company, period, null, null, null, e.getMessage());
        }
    }

    static RuleSet compiled(Rules rules) {
        return COMPILED.computeIfAbsent(rules.version(), version -> {
            Rules r = rules;
            List<RuleFile> files = new ArrayList<>();
            r.files().forEach((name, content) -> files.add(new RuleFile(name, content)));
            Clock changed = Clock.fixed(Instant.ofEpochMilli(r.changedMillis()), ZoneOffset.UTC);
            return new RuleSetCompiler(changed).compile(files);
        });
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
