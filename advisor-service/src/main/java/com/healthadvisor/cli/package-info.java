/**
 * The command line, {@code ./health-advisor COMMAND} (picocli): {@code serve} starts the service; {@code diagnose}
 * and {@code snapshot} judge a snapshot or a ledger; {@code rules check|test|preview|accept-changes} vet a rule set as
 * the service would; {@code companies ...} reaches the company memory, on the database or through a running service;
 * {@code hash-password} makes a workbench password's hash. Thin doors onto the core and the service's packages:
 * exit 0 done, 1 rules or expectations failed, 2 bad input or usage, never a stack trace.
 */
package com.healthadvisor.cli;
