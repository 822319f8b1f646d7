package com.healthadvisor;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;

import java.nio.file.Path;

/**
 * What the tests and the bench reach for where {@link HealthAdvisor} (the embedding API) deliberately stops: a
 * rule set of their own, the advisor's limits, a snapshot already read.
 */
public record AdvisorHarness(RuleSet ruleSet, Advisor advisor) {

    private static final SnapshotReader READER = new SnapshotReader();

    public static AdvisorHarness fromRules(Path directory) {
        return of(RuleSetLoader.loadAsLastChanged(directory));
    }

    public static AdvisorHarness of(RuleSet ruleSet) {
        return new AdvisorHarness(ruleSet, new Advisor());
    }

    public static AdvisorHarness of(RuleSet ruleSet, Advisor advisor) {
        return new AdvisorHarness(ruleSet, advisor);
    }

    public DiagnosisResult diagnose(String snapshotJson) {
        return diagnose(READER.read(snapshotJson));
    }

    public DiagnosisResult diagnose(Snapshot snapshot) {
        return advisor.diagnose(snapshot, ruleSet);
    }
}
