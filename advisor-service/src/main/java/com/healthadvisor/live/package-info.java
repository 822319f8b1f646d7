/**
 * The rule set of a running service: vetted (compiled, checked, run against the fixtures) before it is swapped in
 * atomically, changed through the API and the workbench or by a save in the rules directory (the working copy,
 * watched), followed across replicas through the database, and remembered there: each rule set that went live as
 * a version, and every attempt to change it ({@link com.healthadvisor.live.RuleHistory}).
 */
package com.healthadvisor.live;
