package com.healthadvisor.live;

import com.healthadvisor.ruleset.RuleSet;

import java.util.List;

/**
 * The companies' stored periods, for a rule change preview: each company's newest period (or a sample of the
 * companies when there are many) diagnosed under the active rule set and under the candidate.
 */
public interface StoredPeriods {

    Compared compare(RuleSet active, RuleSet candidate);

    /**
     * @param companies how many companies have stored periods
     * @param compared  how many of them were compared (all, or a sample)
     * @param moved     the periods whose health or codes differ
     * @param summary   the moves counted by code and health
     */
    record Compared(int companies, int compared, List<Move> moved, List<String> summary) {
    }

    /** One company's newest period before and after. */
    record Move(String company, String period, String healthBefore, String healthAfter, List<String> appeared,
                List<String> disappeared) {
    }
}
