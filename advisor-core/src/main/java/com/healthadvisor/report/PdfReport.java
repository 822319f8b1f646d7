package com.healthadvisor.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The HTML report as a PDF, laid out by openhtmltopdf with the SVG charts drawn by Batik. The fonts travel in the
 * jar (DejaVu Sans, which has every sign the reports write: − × · →), so that a PDF looks the same on any host.
 */
final class PdfReport {

    /**
     * The family the fonts are registered under: a name of its own, since the renderer resolves the generic
     * "sans-serif" to a PDF base font (Helvetica), which is never embedded.
     */
    private static final String FAMILY = "DejaVu Sans";
    /** A table longer than this may break across pages (its header repeated); a shorter one moves whole. */
    private static final int ROWS_KEPT_TOGETHER = 6;
    /**
     * Page size and margins, page numbers, and what the screen layout needs changed on paper: every text in the
     * embedded fonts, the title block as the report's cover, headings kept with what follows them. The margins leave
     * 726 px (190 mm) across, room for the charts' 720.
     */
    private static final String PAGE_CSS = "@page{size:A4;margin:14mm 10mm 16mm 10mm;"
            + "@bottom-center{content:'Page ' counter(page) ' of ' counter(pages);font-family:'" + FAMILY + "';"
            + "font-size:9px;color:#52606d}}"
            + "*{font-family:'" + FAMILY + "' !important}"
            + "body{background:#fff !important}"
            + ".ha-report{max-width:none;padding:0;font-size:13px}"
            + ".ha-report .cover{border-bottom:3px solid #1f2933;padding:0 0 10px;margin:0 0 8px}"
            + ".ha-report .cover h1{font-size:26px;margin:0 0 6px}"
            + ".ha-report .cover .verdict{font-size:16px}"
            + ".ha-report .diagnosis,.ha-report svg,.ha-report table.whole,.ha-report .keep,.ha-report li,"
            + ".ha-report tr{page-break-inside:avoid}"
            + ".ha-report table.long{-fs-table-paginate:paginate}"
            // A heading before a long table starts a page when less than its first rows' room is left.
            + ".ha-report .before-long{-fs-page-break-min-height:35mm}";

    private PdfReport() {
    }

    static byte[] render(String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        // The report keeps its styles inside its <section> (so that a fragment carries them); the PDF renderer
        // reads styles from the head only.
        page.select("style").forEach(style -> page.head().appendChild(style));
        page.head().appendElement("style").text(PAGE_CSS);
        forPaper(page);
        org.w3c.dom.Document document = new W3CDom().fromJsoup(page);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.useFont(() -> font("DejaVuSans.ttf"), FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Oblique.ttf"), FAMILY, 400, PdfRendererBuilder.FontStyle.ITALIC, true);
        builder.withW3cDocument(document, "/");
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
        return pdf.toByteArray();
    }

    /**
     * The report as a board pack reads it: the title, period and verdict as a cover block above the executive
     * summary; each heading kept on the page of what follows it; long tables free to break between rows; the list
     * of findings not judged left to the screen (the "to judge more, send" list says what would judge them).
     */
    private static void forPaper(org.jsoup.nodes.Document page) {
        Element report = page.selectFirst("section.ha-report");
        if (report == null) {
            return;
        }
        Element title = report.selectFirst("h1");
        if (title != null) {
            Element cover = title.before("<div class=\"cover\"></div>").previousElementSibling();
            for (String part : new String[] {"h1", "p.sub", "div.verdict"}) {
                Element found = report.selectFirst("> " + part);
                if (found != null) {
                    cover.appendChild(found);
                }
            }
        }
        Elements notJudged = report.select("h3:containsOwn(Not judged now)");
        for (Element heading : notJudged) {
            Element table = heading.nextElementSibling();
            if (table != null && table.tagName().equals("table")) {
                table.remove();
            }
            heading.remove();
        }
        // Batik draws an SVG's text in the family the SVG names, else in a font of the PDF's own (Helvetica), which
        // would not be embedded.
        report.select("svg").forEach(svg -> svg.attr("font-family", FAMILY));
        for (Element table : report.select("table")) {
            table.addClass(table.select("tr").size() > ROWS_KEPT_TOGETHER ? "long" : "whole");
            Element header = table.selectFirst("tr");
            if (header != null && header.selectFirst("th") != null && table.selectFirst("thead") == null) {
                table.prependElement("thead").appendChild(header);
            }
        }
        for (Element heading : report.select("h2, h3, h4")) {
            if (heading.parent() != null && !heading.parent().hasClass("keep")) {
                keepWithNext(heading);
            }
        }
    }

    /**
     * A heading, the headings right after it and the first thing after them, in one block that does not break; a
     * long table is left out (its head repeats on each page it spans).
     */
    private static void keepWithNext(Element heading) {
        java.util.List<Element> kept = new java.util.ArrayList<>(java.util.List.of(heading));
        Element next = heading.nextElementSibling();
        while (next != null && next.tagName().matches("h[2-4]")) {
            kept.add(next);
            next = next.nextElementSibling();
        }
        if (next != null && next.hasClass("long")) {
            kept.get(kept.size() - 1).addClass("before-long");
        } else if (next != null) {
            kept.add(next);
        }
        if (kept.size() == 1) {
            return;
        }
        Element keep = heading.before("<div class=\"keep\"></div>").previousElementSibling();
        kept.forEach(keep::appendChild);
    }

    private static InputStream font(String name) {
        return Objects.requireNonNull(PdfReport.class.getResourceAsStream("/report/fonts/" + name),
                () -> "the font " + name + " is missing from the jar");
    }
}
