package com.healthadvisor.snapshot;

import java.util.Map;

/**
 * The sections that describe one period of one slice of the business: the top level of a snapshot,
 * each history entry, and each breakdown share this shape.
 *
 * @param period  the period of a history entry; the snapshot's own period at top level; null in breakdowns
 * @param metrics values the user already has, keyed by metric code
 */
public record Figures(String period, MrrBridge mrr, CustomerBridge customers, Double users, Revenue revenue,
                      Map<String, Double> metrics) {

    public Figures {
        metrics = Map.copyOf(metrics);
    }
}
