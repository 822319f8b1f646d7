/**
 * The workbench: server-rendered pages (Thymeleaf, {@code templates/}) for people who sign in. Submitting a snapshot
 * or a ledger, companies and their timelines, reports, the rule set's bands and wording with a preview of what an
 * edit changes, and signing in. Each page calls the same core and service code as the HTTP API.
 */
package com.healthadvisor.web.workbench;
