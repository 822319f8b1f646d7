package com.healthadvisor.web.workbench;

import com.healthadvisor.RuleProblem;
import com.healthadvisor.live.SharedRuleStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A replica that refuses the fleet's newest rule version, as the rules pages show it: "Replica b refuses version
 * 37", since when, and its first reasons.
 */
record FleetRefusal(String headline, Instant since, List<String> errors) {

    /** Reasons shown on the page; the rest are in {@code GET /api/v1/rules} and the refusing replica's log. */
    private static final int SHOWN = 5;

    /**
     * Every replica the shared log says refuses the newest version; and this one when it refuses, even before the
     * log has it (a database that is away).
     */
    static List<FleetRefusal> of(SharedRuleStore.Status status) {
        List<FleetRefusal> refusals = new ArrayList<>();
        boolean selfListed = false;
        for (SharedRuleStore.Refusal refusal : status.refusals()) {
            boolean self = refusal.replica().equals(status.replica());
            selfListed |= self;
            refusals.add(new FleetRefusal(headline(refusal.replica(), self, refusal.number(), refusal.version()),
                    refusal.at(), texts(refusal.problems())));
        }
        if (!status.agrees() && !selfListed) {
            refusals.add(0, new FleetRefusal(headline(status.replica(), true, status.newest(), status.version()),
                    null, texts(status.problems())));
        }
        return refusals;
    }

    private static String headline(String replica, boolean self, long number, String version) {
        return (self ? "This replica (" + replica + ")" : "Replica " + replica) + " refuses version " + number
                + " (rule set " + version + ")";
    }

    private static List<String> texts(List<RuleProblem> problems) {
        List<String> texts = new ArrayList<>(problems.stream().limit(SHOWN).map(RuleProblem::toString).toList());
        if (problems.size() > SHOWN) {
            texts.add("and " + (problems.size() - SHOWN) + " more");
        }
        return texts;
    }
}
