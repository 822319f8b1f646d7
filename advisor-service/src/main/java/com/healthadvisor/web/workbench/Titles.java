package com.healthadvisor.web.workbench;

import com.healthadvisor.ruleset.RuleSet;

import java.util.HashMap;
import java.util.Map;

/** Each diagnosis code's title in a rule set's wording: what pages show, the code itself kept for a tooltip. */
final class Titles {

    private Titles() {
    }

    static Map<String, String> of(RuleSet ruleSet) {
        Map<String, String> titles = new HashMap<>();
        ruleSet.wording().forEach((code, wording) -> titles.put(code, wording.title()));
        return titles;
    }
}
