package com.healthadvisor.facts;

import java.util.Map;

/**
 * The limits of {@code rules/limits.csv} as rules read them: {@code limits.value("min_customers_for_rates")} in a
 * condition or a consequence. One object for every session instead of a fact per limit: a limit is a constant, so
 * joining it as a fact cost every session an insert and a join per rule for nothing (issue #34).
 */
public final class LimitValues {

    /** The global's name in every rule file and session. */
    public static final String GLOBAL = "limits";

    private final Map<String, Double> values;

    public LimitValues(Map<String, Double> values) {
        this.values = Map.copyOf(values);
    }

    /** The limit's value; the rule set refuses a rule file that names a limit not in limits.csv, so it is there. */
    public double value(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("limit " + name + " is not in limits.csv");
        }
        return value;
    }
}
