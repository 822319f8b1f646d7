/**
 * The fact types that DRL rules see: metric facts, findings, limits, targets and the snapshot context.
 * Nothing here knows about Drools, Spring, I/O or JSON; rules import only from this package.
 */
package com.healthadvisor.facts;
