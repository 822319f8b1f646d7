/**
 * The advisor's API: {@link com.healthadvisor.HealthAdvisor}, the records it returns (the result, its diagnoses,
 * evidence and actions; the rule files a job ships), and the three exceptions it throws on bad rules, snapshots and
 * ledgers. Everything a program embedding the advisor imports is here; every other package of the core is internal,
 * public only where another package or the service needs it (EmbeddingApiTest and CoreWallsTest hold the line).
 * Rule authors see one more package, {@link com.healthadvisor.facts}: the facts their rules match.
 */
package com.healthadvisor;
