/**
 * Metric facts: the catalog of metric codes of metrics.md, and the calculator that turns a snapshot
 * into facts at company scope, per breakdown, per cohort and against history.
 */
package com.healthadvisor.metrics;
