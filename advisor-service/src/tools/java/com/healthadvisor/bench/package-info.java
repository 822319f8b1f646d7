/**
 * Benchmarks anyone can rerun with {@code ./health-advisor bench [--quick]} (a tool, not in the product jar): each figure beside its baseline in the same
 * run, with warm-up, several timed iterations, their spread, and latency percentiles.
 */
package com.healthadvisor.bench;
