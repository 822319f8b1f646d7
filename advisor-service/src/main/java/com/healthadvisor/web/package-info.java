/**
 * The HTTP service (Spring Boot) around the core: the application's wiring and settings
 * ({@code AdvisorConfiguration}, {@code AdvisorProperties}), the API's controllers (diagnoses, reports, the live rule
 * set, its files and versions, the company memory), who may call what (the two security chains: bearer tokens for
 * the API, sign-in for the workbench), problem details for every error, meters, and the OpenAPI description.
 */
package com.healthadvisor.web;

import com.healthadvisor.settings.AdvisorProperties;