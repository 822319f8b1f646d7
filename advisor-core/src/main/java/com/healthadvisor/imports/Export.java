package com.healthadvisor.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the readers of one source gather from its files: the subscriptions, what metered lines billed by month, the
 * newest instant any object names (the export's "now"), the problems (each naming an object or a line) and notes on
 * what was read but left out.
 */
final class Export {

    final List<Subscription> subscriptions = new ArrayList<>();
    final Map<String, Map<Integer, BigDecimal>> usage = new HashMap<>();
    /** What licensed lines were billed, period by period, by line key: their past prices. */
    final Map<String, List<Billed>> billed = new HashMap<>();
    final List<String> problems = new ArrayList<>();
    final Map<String, Integer> leftOut = new java.util.TreeMap<>();
    long newest = Long.MIN_VALUE;

    void saw(Long instant) {
        if (instant != null && instant > newest) {
            newest = instant;
        }
    }

    /** Counts something read but not valued (a discount given by id, a one-off coupon), said once with its count. */
    void leaveOut(String what) {
        leftOut.merge(what, 1, Integer::sum);
    }

    void billed(String line, int month, BigDecimal amount) {
        usage.computeIfAbsent(line, key -> new HashMap<>()).merge(month, amount, BigDecimal::add);
    }

    void billed(String line, Billed period) {
        billed.computeIfAbsent(line, key -> new ArrayList<>()).add(period);
    }

    /**
     * One invoice line of a licensed price: what it billed for the period from {@code start} (inclusive) to
     * {@code end} (exclusive), before discounts, as so many of an interval.
     */
    record Billed(long start, long end, BigDecimal amount, Interval interval, int count) {

        boolean covers(long instant) {
            return start <= instant && instant < end;
        }
    }
}
