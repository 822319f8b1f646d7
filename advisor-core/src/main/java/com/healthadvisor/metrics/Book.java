package com.healthadvisor.metrics;

import com.healthadvisor.catalog.Formula;
import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.Ops;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The metric values of one scope. Each formula is evaluated twice: over the raw sections only, and over
 * the effective values, where a reported value wins over a computed one and feeds the metrics derived
 * from it, unless the two disagree beyond the tolerance: then the value computed from billing wins
 * (judgment.md P7, one source per comparison). The raw value is kept to report the disagreement.
 */
final class Book {

    private final Map<String, Double> reported;
    private final Map<String, Double> effective = new LinkedHashMap<>();
    private final Map<String, Double> raw = new HashMap<>();
    /** Reported values set aside because billing contradicts them. */
    private final Set<String> contradicted = new HashSet<>();
    private final Judging judging;
    /** The months one period covers: every value of the book stands on them unless a trailing window says more. */
    private final int monthsPerPeriod;
    private final Map<String, Integer> windows = new HashMap<>();
    /** The only codes this book computes (a history entry's: what the trends read); null for all of them. */
    private final Set<String> only;
    private final PeriodInputs inputs;
    /** What a formula reads: the raw values (billing only), or the effective ones. */
    private final Formula.Values rawValues;
    private final Formula.Values effectiveValues;

    Book(PeriodInputs inputs, Map<String, Double> reported, Judging judging, int monthsPerPeriod, Set<String> only) {
        this.inputs = inputs;
        this.reported = reported;
        this.judging = judging;
        this.monthsPerPeriod = monthsPerPeriod;
        this.only = only;
        this.rawValues = new Lookup(raw);
        this.effectiveValues = new Lookup(effective);
        effective.putAll(reported);
    }

    /** A formula's view of this book over one of its maps. */
    private final class Lookup implements Formula.Values {

        private final Map<String, Double> values;

        Lookup(Map<String, Double> values) {
            this.values = values;
        }

        @Override
        public Double get(String code) {
            return values.get(code);
        }

        @Override
        public Double input(String path) {
            return inputs.read(path);
        }

        @Override
        public int periodsPerYear() {
            return 12 / monthsPerPeriod;
        }
    }

    void compute(String code, Formula formula) {
        if (only != null && !only.contains(code)) {
            return;
        }
        // Raw values serve only to compare with reported ones: without reported values they equal the effective.
        if (!reported.isEmpty()) {
            Double fromRaw = Ops.round(formula.of(rawValues));
            if (fromRaw != null) {
                raw.put(code, fromRaw);
            }
        }
        if (reported.containsKey(code)) {
            Double fromRaw = raw.get(code);
            if (fromRaw != null && judging.conflict(MetricCatalog.get(code).unit(), reported.get(code), fromRaw)) {
                effective.put(code, fromRaw);
                contradicted.add(code);
            }
            return;
        }
        Double value = Ops.round(formula.of(effectiveValues));
        if (value != null) {
            effective.put(code, value);
        } else {
            effective.remove(code);
        }
    }

    /**
     * Replaces a computed value with one over a longer window (a trailing NRR, say); a value the company reports
     * stays as it is.
     */
    void trail(String code, Double value, int months) {
        if (value == null || isReported(code)) {
            return;
        }
        effective.put(code, Ops.round(value));
        windows.put(code, months);
    }

    /**
     * Evaluates a row of the metric table again on the values as they now stand (CAC and churn over the window, say),
     * as a value over that window.
     */
    void retrail(String code, int months) {
        trail(code, MetricCatalog.get(code).compute().of(effectiveValues), months);
    }

    /**
     * Takes back a computed value that the window shows to mean nothing (a runway while the window does not burn);
     * a value the company reports stays.
     */
    void withdraw(String code) {
        if (!isReported(code)) {
            effective.remove(code);
            windows.remove(code);
        }
    }

    /** The months a value stands on: its trailing window, 12 for an annual figure the company reports, else one period. */
    int window(String code) {
        Integer trailing = windows.get(code);
        if (trailing != null) {
            return trailing;
        }
        return isReported(code) && MetricCatalog.ANNUAL.contains(code) ? 12 : monthsPerPeriod;
    }

    int monthsPerPeriod() {
        return monthsPerPeriod;
    }

    Double get(String code) {
        return effective.get(code);
    }

    Double raw(String code) {
        return reported.isEmpty() ? effective.get(code) : raw.get(code);
    }

    /** Whether the value judged is the reported one: reported, and not contradicted by billing. */
    boolean isReported(String code) {
        return reported.containsKey(code) && !contradicted.contains(code);
    }

    Map<String, Double> values() {
        return Collections.unmodifiableMap(effective);
    }

    Map<String, Double> reported() {
        return reported;
    }
}
