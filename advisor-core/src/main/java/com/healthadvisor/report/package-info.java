/**
 * A result for people and programs: the contract's JSON ({@link com.healthadvisor.report.ResultJson}) and the
 * report as Markdown, HTML (a page or a fragment to embed, with inline SVG charts) and PDF, all from one
 * {@link com.healthadvisor.report.ReportView} built from the result, the snapshot and the rule set's wording, and
 * laid out by the templates in {@code report/}.
 */
package com.healthadvisor.report;
