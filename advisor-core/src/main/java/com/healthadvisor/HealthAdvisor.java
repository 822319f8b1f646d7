package com.healthadvisor;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.report.Reports;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.ruleset.CompiledRuleCache;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;

import java.io.Reader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The entry point for embedding the advisor in a Java program (a reporting job, a notebook) without
 * Spring:
 *
 * <pre>{@code
 * HealthAdvisor advisor = HealthAdvisor.fromRules(Path.of("rules"));
 * DiagnosisResult result = advisor.diagnose(Files.readString(Path.of("snapshot.json")));
 * String report = advisor.markdown(Files.readString(Path.of("snapshot.json")));
 * }</pre>
 *
 * A snapshot goes in as the JSON of docs/contract.md; what comes out is data: the result's records, the
 * report's text or a PDF's bytes. Thread-safe: one instance serves any number of threads.
 *
 * @throws com.healthadvisor.RuleSetException from {@link #fromRules} when the rules do not compile,
 *                                                    with each problem's file and line
 * @throws com.healthadvisor.InvalidSnapshotException from the others on bad input, with each
 *                                                             problem's JSON pointer
 */
public final class HealthAdvisor {

    private final RuleSet ruleSet;
    private final SnapshotReader reader = new SnapshotReader();
    private final Advisor advisor = new Advisor();

    private HealthAdvisor(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /**
     * Compiles the rule set of a directory (the default rules live in {@code ./rules}). Its {@code loaded_at} is
     * when the files last changed, so that a snapshot diagnosed twice gives the same bytes twice. The compile is
     * kept in the compiled-rules cache ({@code ADVISOR_RULE_CACHE}, docs/guide.md): the next program to start with
     * the same rules reads it back instead of compiling for seconds.
     */
    public static HealthAdvisor fromRules(Path rulesDirectory) {
        return new HealthAdvisor(RuleSetLoader.loadAsLastChanged(rulesDirectory));
    }

    /** The rule files of a directory, as they are now: to compile elsewhere with {@link #fromRules(RuleFiles)}. */
    public static RuleFiles readRules(Path rulesDirectory) {
        List<RuleFile> files = RuleSetLoader.read(rulesDirectory);
        TreeMap<String, String> contents = new TreeMap<>();
        files.forEach(file -> contents.put(file.name(), file.content()));
        return new RuleFiles(RuleSetCompiler.versionOf(files), contents, RuleSetLoader.lastChanged(rulesDirectory));
    }

    /** Compiles rule files read by {@link #readRules}: the same rule set, and the same {@code loaded_at}. */
    public static HealthAdvisor fromRules(RuleFiles rules) {
        List<RuleFile> files = rules.contents().entrySet().stream()
                .map(file -> new RuleFile(file.getKey(), file.getValue())).toList();
        Clock changed = Clock.fixed(rules.lastChanged(), ZoneOffset.UTC);
        return new HealthAdvisor(new RuleSetCompiler(changed, CompiledRuleCache.standard().orElse(null)).compile(files));
    }

    public DiagnosisResult diagnose(String snapshotJson) {
        return advisor.diagnose(reader.read(snapshotJson), ruleSet);
    }

    /** The result as the JSON of contract.md section 2. */
    public String diagnoseToJson(String snapshotJson) {
        return ResultJson.write(diagnose(snapshotJson));
    }

    /**
     * Diagnoses the snapshot a billing ledger makes for one month, as {@code diagnose --ledger} does.
     *
     * @param period  the month to judge, {@code YYYY-MM}; null for the ledger's last month
     * @param company the company's name in the result; may be null
     */
    public DiagnosisResult diagnoseLedger(Reader ledgerCsv, String period, String company) {
        return advisor.diagnose(LedgerSnapshots.read(ledgerCsv, period, company, null), ruleSet);
    }

    /**
     * The same for a ledger already split into values: {@code header} as a ledger's first line, each row a
     * line's values. It is read exactly as the CSV file of those lines would be, problems on the lines the file
     * would have; a portfolio job hands a company's rows over this way without writing them out as text.
     */
    public DiagnosisResult diagnoseLedger(List<String> header, Iterator<List<String>> rows, String period,
                                          String company) {
        return advisor.diagnose(LedgerSnapshots.read(header, rows, period, company, null), ruleSet);
    }

    /**
     * The columns a ledger may have (customer_id, month, mrr, and the optional ones), named as the reader compares
     * them: trimmed and in lower case. Any other column refuses the ledger.
     */
    public static Set<String> ledgerColumns() {
        return LedgerSnapshots.columns();
    }

    /** A result as the JSON of contract.md section 2 on one line, the bytes {@code diagnose} writes compacted. */
    public static String compactJson(DiagnosisResult result) {
        return ResultJson.writeCompactText(result);
    }

    /** The report as Markdown, for a wiki page or a pull request. */
    public String markdown(String snapshotJson) {
        Snapshot snapshot = reader.read(snapshotJson);
        return Reports.markdown(advisor.diagnose(snapshot, ruleSet), snapshot, ruleSet);
    }

    /** The report as a self-contained HTML page, or with {@code fragment} a {@code <section>} to embed. */
    public String html(String snapshotJson, boolean fragment) {
        Snapshot snapshot = reader.read(snapshotJson);
        return Reports.html(advisor.diagnose(snapshot, ruleSet), snapshot, ruleSet, fragment);
    }

    /** The report as a PDF on A4 pages. */
    public byte[] pdf(String snapshotJson) {
        Snapshot snapshot = reader.read(snapshotJson);
        return Reports.pdf(advisor.diagnose(snapshot, ruleSet), snapshot, ruleSet);
    }

    /** Which rule set this advisor judges by: its version, its number of rules and when its files last changed. */
    public DiagnosisResult.RuleSetInfo rules() {
        return new DiagnosisResult.RuleSetInfo(ruleSet.version(), ruleSet.ruleCount(), ruleSet.loadedAt());
    }
}
