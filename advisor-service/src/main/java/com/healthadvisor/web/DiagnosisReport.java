package com.healthadvisor.web;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.report.PeriodChanges;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.Snapshot;

import java.util.function.Supplier;

/**
 * A diagnosis on its way out, in whichever format content negotiation picks ({@link DiagnosisReportConverter}):
 * the result as JSON, or the report, which also needs the snapshot, the rule set's wording and what changed.
 *
 * @param fragment an HTML report without its page, to embed
 * @param since    what changed since the company's previous stored period (null for none), read only when a
 *                 report is written: JSON does not show it
 */
record DiagnosisReport(DiagnosisResult result, Snapshot snapshot, RuleSet ruleSet, boolean fragment,
                       Supplier<PeriodChanges> since) {

    static final Supplier<PeriodChanges> NOTHING_SINCE = () -> null;


    static final String JSON = "application/json";
    static final String MARKDOWN = "text/markdown";
    static final String HTML = "text/html";
    static final String PDF = "application/pdf";
}
