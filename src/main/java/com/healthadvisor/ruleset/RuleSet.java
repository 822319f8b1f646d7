package com.healthadvisor.ruleset;

import org.kie.api.KieBase;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A compiled, validated rule set: safe to share across threads, never changed once built.
 *
 * @param version  a short hash of the content of every file, the same whenever the same files are loaded
 * @param rules    every rule by name, with its file and its position in the set (for ranking ties)
 */
public record RuleSet(String version, Instant loadedAt, List<String> files, KieBase kieBase, Benchmarks benchmarks,
                      Limits limits, Map<String, CodeWording> wording, Map<String, RuleInfo> rules) {

    /** Where a rule comes from: its file and its position in the whole set. */
    public record RuleInfo(String file, String name, int order) {

        /** E.g. {@code retention/Logo churn is in crisis}. */
        public String id() {
            return file.substring(0, file.indexOf('.')) + "/" + name;
        }
    }

    public int ruleCount() {
        return rules.size();
    }
}
