/**
 * What a metric is: its code, unit, direction, label and the range of values it can take (docs/metrics.md).
 * The snapshot reader checks reported metrics against it, the calculator writes facts with it, the rules and
 * reports name metrics by it; it depends on nothing else in the project.
 */
package com.healthadvisor.catalog;
