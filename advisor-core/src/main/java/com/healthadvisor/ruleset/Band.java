package com.healthadvisor.ruleset;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.Unit;
import com.healthadvisor.metrics.ValueFormat;

import java.util.Set;

/**
 * One benchmark band of one metric: a named range, optionally only for some stages, markets or
 * periodicities (an empty set applies to all), and the tone a report draws it in.
 */
public record Band(String metric, String name, BandRange range, Set<String> stages, Set<String> markets,
                   Set<String> periodicities, String tone, int line) {

    /** The qualifier word for a snapshot that names no stage or market. */
    public static final String NONE = "none";
    public static final String GOOD = "good";
    public static final String WATCH = "watch";
    public static final String BAD = "bad";
    public static final String NEUTRAL = "neutral";
    public static final java.util.List<String> TONES = java.util.List.of(GOOD, WATCH, BAD, NEUTRAL);

    public boolean appliesTo(String stage, String market, String periodicity) {
        return matches(stages, stage) && matches(markets, market) && matches(periodicities, periodicity);
    }

    public boolean contains(double value) {
        return range.contains(value);
    }

    /** E.g. "logo churn above 5.0% counts as crisis". */
    public String describe(ValueFormat format) {
        Unit unit = MetricCatalog.get(metric).unit();
        return MetricCatalog.get(metric).label() + " " + range.describe(value -> format.format(value, unit))
                + " counts as " + name.replace('_', ' ');
    }

    /** True when some snapshot could fall under both bands' qualifiers. */
    boolean sharesContextWith(Band other) {
        return intersect(stages, other.stages) && intersect(markets, other.markets)
                && intersect(periodicities, other.periodicities);
    }

    private static boolean matches(Set<String> allowed, String actual) {
        return allowed.isEmpty() || allowed.contains(actual == null ? NONE : actual);
    }

    private static boolean intersect(Set<String> a, Set<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }
}
