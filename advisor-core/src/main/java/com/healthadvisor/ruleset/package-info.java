/**
 * The rule set: DRL rules, benchmark bands, limits and wording read from a directory, checked and
 * compiled as a whole, activated only when every file compiles and validates.
 */
package com.healthadvisor.ruleset;
