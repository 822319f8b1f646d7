package com.healthadvisor.ruleset;

import com.healthadvisor.facts.Limit;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled, validated rule set: safe to share across threads, never changed once built.
 *
 * @param version  a short hash of the content of every file, the same whenever the same files are loaded
 * @param wording  every code's words, iterated in code order
 * @param rules    every rule by name, with its file and its position in the set (for ranking ties)
 * @param metricCodes the metric codes some rule's conditions name, or null when a rule may match any metric;
 *                    only those metric facts are inserted into a session
 * @param limitFacts  the limits some rule's conditions name, as facts made once for every session
 * @param sessions    sessions over the KieBase, reset and reused: creating one per evaluation would cost more
 *                    than firing the rules
 * @param sources     the files it was compiled from: a change is made to these, not to whatever is on disk
 */
public record RuleSet(String version, Instant loadedAt, List<String> files, KieBase kieBase, Benchmarks benchmarks,
                      Limits limits, Map<String, CodeWording> wording, Map<String, RuleInfo> rules,
                      Set<String> metricCodes, List<Limit> limitFacts, KieSessionsPool sessions,
                      List<RuleFile> sources) {

    /**
     * Where a rule comes from: its file and its position in the whole set.
     *
     * @param id the file's base name and the rule's, e.g. {@code retention/Logo churn is in crisis}
     */
    public record RuleInfo(String file, String name, int order, String id) {

        public RuleInfo(String file, String name, int order) {
            this(file, name, order, file.substring(0, file.indexOf('.')) + "/" + name);
        }
    }

    /** Whether a metric fact of this code can match a rule's condition. */
    public boolean readsMetric(String code) {
        return metricCodes == null || metricCodes.contains(code);
    }

    public int ruleCount() {
        return rules.size();
    }
}
