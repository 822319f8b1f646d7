package com.healthadvisor.snapshot;

import java.util.Map;

/**
 * The sections that describe one period of one slice of the business: the top level of a snapshot,
 * each history entry, and each breakdown share this shape.
 *
 * @param period  the period of a history entry; the snapshot's own period at top level; null in breakdowns
 * @param metrics values the user already has, keyed by metric code
 * @param yearAgo the customers who paid twelve months ago, followed to today; null when not given
 * @param finance spend, burn, cash and margins of the period; null when not given
 */
public record Figures(String period, MrrBridge mrr, CustomerBridge customers, Double users, Revenue revenue,
                      Map<String, Double> metrics, YearAgoCustomers yearAgo, Finance finance) {

    public Figures {
        metrics = Ordered.copyOf(metrics);
    }

    public Figures(String period, MrrBridge mrr, CustomerBridge customers, Double users, Revenue revenue,
                   Map<String, Double> metrics, YearAgoCustomers yearAgo) {
        this(period, mrr, customers, users, revenue, metrics, yearAgo, null);
    }

    public Figures(String period, MrrBridge mrr, CustomerBridge customers, Double users, Revenue revenue,
                   Map<String, Double> metrics) {
        this(period, mrr, customers, users, revenue, metrics, null);
    }
}
