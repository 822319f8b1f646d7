package com.healthadvisor.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

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

    private static final String FAMILY = "sans-serif";
    /**
     * Page size and margins, and what the screen layout needs changed on paper. The margins leave 726 px (190 mm)
     * across, room for the charts' 720.
     */
    private static final String PAGE_CSS = "@page{size:A4;margin:14mm 10mm}"
            + "body{background:#fff !important}"
            + ".ha-report{max-width:none;padding:0;font-family:sans-serif}"
            + ".ha-report .diagnosis,.ha-report svg,.ha-report table{page-break-inside:avoid}";

    private PdfReport() {
    }

    static byte[] render(String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        // The report keeps its styles inside its <section> (so that a fragment carries them); the PDF renderer
        // reads styles from the head only.
        page.select("style").forEach(style -> page.head().appendChild(style));
        page.head().appendElement("style").text(PAGE_CSS);
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

    private static InputStream font(String name) {
        return Objects.requireNonNull(PdfReport.class.getResourceAsStream("/report/fonts/" + name),
                () -> "the font " + name + " is missing from the jar");
    }
}
