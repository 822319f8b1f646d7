package com.healthadvisor.report;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.Snapshot;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The reports to embed: Markdown for wikis and decks, and one self-contained HTML file (inline CSS and
 * SVG charts, no scripts, nothing fetched) for email and portals, or a {@code <section>} fragment with
 * scoped styles to place inside another page. Templates are compiled once; rendering is thread-safe.
 */
public final class Reports {

    /**
     * Markdown renderers render raw HTML and links, so a company or segment name is text only: angle brackets
     * become entities and brackets are escaped; a pipe would split a table cell, a newline a line.
     */
    private static final Template MARKDOWN = Mustache.compiler()
            .withEscaper(Escapers.simple(new String[][] {{"|", "\\|"}, {"\n", " "}, {"<", "&lt;"}, {">", "&gt;"},
                    {"[", "\\["}, {"]", "\\]"}}))
            .defaultValue("").withLoader(Reports::load).compile(load("report.md"));
    private static final Template HTML = Mustache.compiler().escapeHTML(true)
            .defaultValue("").withLoader(Reports::load).compile(load("report.html"));

    private Reports() {
    }

    public static String markdown(DiagnosisResult result, Snapshot snapshot, RuleSet ruleSet) {
        return markdown(result, snapshot, ruleSet, null);
    }

    /** @param since what changed since the period before, for a stored period; null for none */
    public static String markdown(DiagnosisResult result, Snapshot snapshot, RuleSet ruleSet, PeriodChanges since) {
        return MARKDOWN.execute(new ReportBuilder(result, snapshot, ruleSet).since(since).build())
                .replaceAll("\n{3,}", "\n\n");
    }

    /** @param fragment a {@code <section>} to embed, instead of a whole document */
    public static String html(DiagnosisResult result, Snapshot snapshot, RuleSet ruleSet, boolean fragment) {
        return html(result, snapshot, ruleSet, fragment, null);
    }

    public static String html(DiagnosisResult result, Snapshot snapshot, RuleSet ruleSet, boolean fragment,
                              PeriodChanges since) {
        ReportView view = new ReportBuilder(result, snapshot, ruleSet).since(since).build();
        return HTML.execute(Map.of("report", view, "document", !fragment));
    }

    /** The HTML report laid out on A4 pages, charts included: the same document, for a board pack. */
    public static byte[] pdf(DiagnosisResult result, Snapshot snapshot, RuleSet ruleSet) {
        return pdf(result, snapshot, ruleSet, null);
    }

    public static byte[] pdf(DiagnosisResult result, Snapshot snapshot, RuleSet ruleSet, PeriodChanges since) {
        return PdfReport.render(html(result, snapshot, ruleSet, false, since));
    }

    private static Reader load(String name) {
        var stream = Reports.class.getResourceAsStream("/report/" + name + ".mustache");
        return new InputStreamReader(Objects.requireNonNull(stream, () -> "no template " + name), StandardCharsets.UTF_8);
    }

}
