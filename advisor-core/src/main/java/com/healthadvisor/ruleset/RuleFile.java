package com.healthadvisor.ruleset;

/** One file of a rule set: its name in the rules directory and its text. */
public record RuleFile(String name, String content) {

    public boolean isDrl() {
        return name.endsWith(".drl");
    }

    public boolean isWording() {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    public boolean isBenchmarks() {
        return name.equals(Benchmarks.FILE);
    }

    public boolean isLimits() {
        return name.equals(Limits.FILE);
    }

    /** Files the rule set is made of; anything else in the directory (a README, a backup) is left alone. */
    public boolean belongsToRuleSet() {
        return isDrl() || isWording() || isBenchmarks() || isLimits();
    }

    public String baseName() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
