package com.healthadvisor;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.diagnosis.DiagnosisResult;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The entry point for embedding the advisor in a Java program (a reporting job, a notebook) without
 * Spring:
 *
 * <pre>{@code
 * HealthAdvisor advisor = HealthAdvisor.fromRules(Path.of("rules"));
 * DiagnosisResult result = advisor.diagnose(Files.readString(Path.of("snapshot.json")));
 * }</pre>
 *
 * Thread-safe: one instance serves any number of threads.
 *
 * @throws com.healthadvisor.ruleset.RuleSetException from {@link #fromRules} when the rules do not compile
 * @throws com.healthadvisor.snapshot.InvalidSnapshotException from {@code diagnose} on bad input
 */
public final class HealthAdvisor {

    private final RuleSet ruleSet;
    private final SnapshotReader reader = new SnapshotReader();
    private final Advisor advisor;

    private HealthAdvisor(RuleSet ruleSet, Advisor advisor) {
        this.ruleSet = ruleSet;
        this.advisor = advisor;
    }

    /**
     * Compiles the rule set of a directory (the default rules live in {@code ./rules}). Its {@code loaded_at} is
     * when the files last changed, so that a snapshot diagnosed twice gives the same bytes twice.
     */
    public static HealthAdvisor fromRules(Path rulesDirectory) {
        Clock changed = Clock.fixed(RuleSetLoader.lastChanged(rulesDirectory), ZoneOffset.UTC);
        return of(new RuleSetLoader(changed).load(rulesDirectory));
    }

    public static HealthAdvisor of(RuleSet ruleSet) {
        return of(ruleSet, new Advisor());
    }

    /** With an advisor of one's own limits (firings and time per evaluation). */
    public static HealthAdvisor of(RuleSet ruleSet, Advisor advisor) {
        return new HealthAdvisor(ruleSet, advisor);
    }

    public DiagnosisResult diagnose(String snapshotJson) {
        return diagnose(reader.read(snapshotJson));
    }

    public DiagnosisResult diagnose(Snapshot snapshot) {
        return advisor.diagnose(snapshot, ruleSet);
    }

    /** The result as the JSON of contract.md section 2. */
    public String diagnoseToJson(String snapshotJson) {
        return ResultJson.write(diagnose(snapshotJson));
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }
}
