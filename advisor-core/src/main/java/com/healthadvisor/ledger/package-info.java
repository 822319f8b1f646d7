/**
 * From raw billing data: a per-customer monthly MRR ledger (CSV) read in one streaming pass, turned into
 * a snapshot with MRR movements, customer bridge, history, cohorts, breakdowns and customer revenue.
 */
package com.healthadvisor.ledger;
