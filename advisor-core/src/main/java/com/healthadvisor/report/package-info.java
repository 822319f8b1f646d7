/**
 * Renders a diagnosis result for people and programs: JSON (contract.md section 2) and, later,
 * Markdown and HTML reports.
 */
package com.healthadvisor.report;
