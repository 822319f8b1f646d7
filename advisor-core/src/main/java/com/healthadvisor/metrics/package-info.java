/**
 * Metric facts: the calculator that turns a snapshot into facts at company scope, per breakdown, per cohort
 * and against history, with the formulas of docs/metrics.md. What each metric code is comes from
 * {@link com.healthadvisor.catalog}.
 */
package com.healthadvisor.metrics;
