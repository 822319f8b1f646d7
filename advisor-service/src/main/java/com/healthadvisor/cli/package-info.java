/**
 * The command line: {@code diagnose}, {@code rules check}, {@code rules test}. Thin doors onto the
 * advisor; exit 0 done, 1 rules or expectations failed, 2 bad input or usage, never a stack trace.
 */
package com.healthadvisor.cli;
