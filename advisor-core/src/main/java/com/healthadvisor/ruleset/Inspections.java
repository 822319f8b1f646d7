package com.healthadvisor.ruleset;

import com.healthadvisor.RuleProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The last compile's inspections of DRL files that passed them, kept by the file's content and the benchmarks
 * and limits it was checked against: an edit of one DRL file leaves the other files' inspections as they were.
 */
final class Inspections {

    private final AtomicReference<Map<String, DrlInspector.Inspection>> last = new AtomicReference<>(Map.of());

    /**
     * One compile's inspections; {@code checkedAgainst} identifies its benchmarks and limits, {@code stored} holds
     * inspections that passed in an earlier process (the compiled-rules cache's), by the same keys.
     */
    Round round(String checkedAgainst, Benchmarks benchmarks, Limits limits,
                Map<String, DrlInspector.Inspection> stored) {
        Map<String, DrlInspector.Inspection> earlier = new HashMap<>(stored);
        earlier.putAll(last.get());
        return new Round(earlier, checkedAgainst, benchmarks, limits);
    }

    final class Round {

        private final Map<String, DrlInspector.Inspection> earlier;
        private final Map<String, DrlInspector.Inspection> passed = new HashMap<>();
        private final String checkedAgainst;
        private final Benchmarks benchmarks;
        private final Limits limits;
        private boolean inspectedAny;

        private Round(Map<String, DrlInspector.Inspection> earlier, String checkedAgainst, Benchmarks benchmarks,
                      Limits limits) {
            this.earlier = earlier;
            this.checkedAgainst = checkedAgainst;
            this.benchmarks = benchmarks;
            this.limits = limits;
        }

        DrlInspector.Inspection inspect(RuleFile drl, List<RuleProblem> problems) {
            String key = RuleSetCompiler.digest(List.of(drl)) + checkedAgainst;
            DrlInspector.Inspection inspection = earlier.get(key);
            if (inspection == null) {
                inspectedAny = true;
                int before = problems.size();
                inspection = DrlInspector.inspect(drl, benchmarks, limits, problems);
                if (problems.size() > before) {
                    return inspection;
                }
            }
            passed.put(key, inspection);
            return inspection;
        }

        /** Keeps this round's passed inspections for the next compile, and forgets the rest. */
        void keep() {
            last.set(passed);
        }

        /** Whether any file was inspected in this round rather than known from before. */
        boolean inspectedAny() {
            return inspectedAny;
        }

        /** The inspections that passed, by file and what they were checked against. */
        Map<String, DrlInspector.Inspection> passed() {
            return Map.copyOf(passed);
        }
    }
}
