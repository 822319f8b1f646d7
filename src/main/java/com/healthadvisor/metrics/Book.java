package com.healthadvisor.metrics;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The metric values of one scope. Each formula is evaluated twice: over the raw sections only, and over
 * the effective values, where a reported value wins over a computed one and feeds the metrics derived
 * from it. The raw value is kept to detect reported values that disagree with the raw sections.
 */
final class Book {

    /** A formula reads other metrics of the same scope through a lookup that may return null. */
    interface Formula extends Function<Function<String, Double>, Double> {
    }

    private final Map<String, Double> reported;
    private final Map<String, Double> effective = new LinkedHashMap<>();
    private final Map<String, Double> raw = new HashMap<>();

    Book(Map<String, Double> reported) {
        this.reported = reported;
        effective.putAll(reported);
    }

    void compute(String code, Formula formula) {
        // Raw values serve only to compare with reported ones: without reported values they equal the effective.
        if (!reported.isEmpty()) {
            Double fromRaw = Ops.round(formula.apply(raw::get));
            if (fromRaw != null) {
                raw.put(code, fromRaw);
            }
        }
        if (reported.containsKey(code)) {
            return;
        }
        Double value = Ops.round(formula.apply(effective::get));
        if (value != null) {
            effective.put(code, value);
        } else {
            effective.remove(code);
        }
    }

    Double get(String code) {
        return effective.get(code);
    }

    Double raw(String code) {
        return reported.isEmpty() ? effective.get(code) : raw.get(code);
    }

    boolean isReported(String code) {
        return reported.containsKey(code);
    }

    Map<String, Double> values() {
        return Collections.unmodifiableMap(effective);
    }

    Map<String, Double> reported() {
        return reported;
    }
}
