/**
 * Metric facts: the calculator runs the metric table ({@link com.healthadvisor.catalog}) over each period and
 * scope, then widens what needs more than one period (trailing windows, history, the year-ago customers), across
 * cohorts and customers, as docs/metrics.md and judgment.md say.
 */
package com.healthadvisor.metrics;
