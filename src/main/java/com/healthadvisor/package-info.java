/**
 * The embedding API: {@link com.healthadvisor.HealthAdvisor}, with the records it returns and the two exceptions
 * it throws. Every other package is internal to the service and the command line, public only where another of
 * their packages needs it (EmbeddingApiTest holds what the API reaches). {@code HealthAdvisorApplication} starts
 * the service; it sits here so that Spring scans every package below.
 */
package com.healthadvisor;
