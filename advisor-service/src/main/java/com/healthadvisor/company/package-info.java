/**
 * Company memory: snapshots kept per company and period (every revision), the diagnosis of each with the rule set
 * version that produced it, history assembled from the stored earlier periods, timelines, and what changed between
 * two periods. Stored with Spring's JDBC support on the embedded H2 file or on PostgreSQL.
 */
package com.healthadvisor.company;
