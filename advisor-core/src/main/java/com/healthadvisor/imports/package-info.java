/**
 * Billing exports into the ledger: Stripe's and Chargebee's subscriptions and any subscription CSV, read into one
 * model, valued at every month-end by the rules of docs/imports.md, converted to the reporting currency and
 * written as the per-customer monthly ledger the ledger package reads.
 */
package com.healthadvisor.imports;
