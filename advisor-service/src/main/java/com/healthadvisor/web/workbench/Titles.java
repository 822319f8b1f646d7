package com.healthadvisor.web.workbench;

import com.healthadvisor.ruleset.RuleSet;

import java.util.HashMap;
import java.util.Map;

/**
 * Words for pages: each diagnosis code's title in a rule set's wording (the code itself kept for a tooltip), and
 * labels capitalized as headings and choices start them.
 */
final class Titles {

    private Titles() {
    }

    /** A label as a page's heading or a choice starts it: "Monthly logo churn", "Mid-market". */
    static String capitalized(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    static Map<String, String> of(RuleSet ruleSet) {
        Map<String, String> titles = new HashMap<>();
        ruleSet.wording().forEach((code, wording) -> titles.put(code, wording.title()));
        return titles;
    }
}
