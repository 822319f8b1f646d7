/**
 * The metric table (docs/metrics.md): every code with its unit, direction, range, name, inputs, formula in words
 * and the function computing it from one period, and the lookups over it. The snapshot reader checks reported
 * metrics against it, the calculator runs its functions, the rules and reports name metrics by it, the schema and
 * the document are generated from it; it depends on nothing else in the project.
 */
package com.healthadvisor.catalog;
