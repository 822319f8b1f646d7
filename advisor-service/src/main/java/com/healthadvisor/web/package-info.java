/**
 * The HTTP service: diagnoses, the live rule set and its files, problem details for every error,
 * bearer-token protection of rule changes. A thin door onto the advisor and the live rule set.
 */
package com.healthadvisor.web;
