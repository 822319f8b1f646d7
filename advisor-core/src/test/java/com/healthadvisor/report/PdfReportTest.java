package com.healthadvisor.report;

import com.healthadvisor.TestFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each seed's PDF report, read back with PDFBox (a library apart from the code that wrote it: PDFBox's text
 * extraction and renderer read only the PDF's bytes): its text holds the HTML report's headings in the HTML's
 * order, and its pages rendered to PNG (written under target/reports/pdf) carry the charts, drawn inside the
 * page's margins.
 */
class PdfReportTest {

    private static final Path OUT = TestFiles.BUILD.resolve("reports/pdf");
    private static final Pattern HEADING = Pattern.compile("<h[1-4][^>]*>(.*?)</h[1-4]>", Pattern.DOTALL);
    /** The crisis band's red, which seeds 2 and 3 draw in their benchmark strips. */
    private static final int CRISIS_RED = 0xc0392b;
    /** Headings of the HTML report that paper leaves out: the list of findings not judged. */
    private static final java.util.Set<String> LEFT_TO_THE_SCREEN = java.util.Set.of("Not judged now");
    /** The page's margins as PdfReport sets them, in millimetres of an A4 page 297 mm high. */
    private static final double TOP_MM = 14;
    private static final double BOTTOM_MM = 16;

    static List<String> seeds() {
        return SeedReports.SEEDS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void thePdfHasTheHtmlReportsSectionsInOrderAndItsChartsWithinThePage(String seed, @TempDir Path temp)
            throws Exception {
        SeedReports.Rendered report = SeedReports.of(seed);
        byte[] pdf = report.pdf();
        Files.write(temp.resolve(seed + ".pdf"), pdf);
        Files.createDirectories(OUT);

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text;
        List<BufferedImage> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            text = stripper.getText(document).replaceAll("\\s+", " ");
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 60);
                ImageIO.write(image, "png", OUT.resolve(seed + "-" + (page + 1) + ".png").toFile());
                pages.add(image);
            }
        }
        assertThat(positions(text, headings(report.html(false)).stream()
                .filter(heading -> !LEFT_TO_THE_SCREEN.contains(heading)).toList())).isSorted();

        assertThat(pages).isNotEmpty();
        int margin = pages.get(0).getWidth() * 9 / 210;
        for (BufferedImage page : pages) {
            assertThat(lastInkedColumn(page)).as("ink inside the right margin").isLessThan(page.getWidth() - margin);
        }
        if (!seed.equals("seed-1-healthy-saas")) {
            assertThat(pages.stream().mapToLong(page -> count(page, CRISIS_RED)).sum()).as("crisis-red pixels")
                    .isGreaterThan(100);
        }
    }

    /**
     * What a board pack needs of the PDF: the company, period and verdict on page one with the executive summary;
     * "Page N of M" on every page; every font embedded (as pdffonts would list them); no page more than 40% blank
     * but the last (headings kept with what follows them, long tables broken between rows); the findings not
     * judged left out, the "to judge more, send" list kept.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void thePdfIsABoardPack(String seed) throws Exception {
        SeedReports.Rendered report = SeedReports.of(seed);
        try (PDDocument document = Loader.loadPDF(report.pdf())) {
            int pages = document.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document).replaceAll("\\s+", " ");
                assertThat(text).as("page %d of %s", page, seed).contains("Page " + page + " of " + pages);
                if (page == 1) {
                    assertThat(text).contains(report.result().company() + ": SaaS health report", "Overall health",
                            "Executive summary");
                }
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            assertThat(stripper.getText(document)).doesNotContain("Not judged now");
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    org.apache.pdfbox.pdmodel.font.PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("%s embedded in %s", font.getName(), seed).isTrue();
                }
            }
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < pages - 1; page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 40);
                assertThat(blankShare(image)).as("blank share of page %d of %d of %s", page + 1, pages, seed)
                        .isLessThanOrEqualTo(0.40);
            }
        }
    }

    /** How much of the space between the margins lies blank below the last ink, the page number left out. */
    private static double blankShare(BufferedImage page) {
        int top = (int) Math.round(page.getHeight() * TOP_MM / 297);
        int bottom = page.getHeight() - (int) Math.round(page.getHeight() * BOTTOM_MM / 297);
        int lastInk = top;
        for (int y = top; y < bottom; y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if ((page.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    lastInk = y;
                    break;
                }
            }
        }
        return (double) (bottom - lastInk) / (bottom - top);
    }

    private static List<String> headings(String html) {
        List<String> headings = new ArrayList<>();
        Matcher heading = HEADING.matcher(html);
        while (heading.find()) {
            String words = heading.group(1).replaceAll("<[^>]+>", " ").replace("&amp;", "&").replace("&#39;", "'")
                    .replace("&quot;", "\"").replaceAll("\\s+", " ").trim();
            headings.add(words);
        }
        return headings;
    }

    /** Where each heading starts in the text, searching on from the one before: -1 when missing or out of order. */
    private static List<Integer> positions(String text, List<String> headings) {
        List<Integer> positions = new ArrayList<>();
        int from = 0;
        for (String heading : headings) {
            int at = text.indexOf(heading, from);
            assertThat(at).as("\"%s\" after position %d of the PDF's text", heading, from).isNotNegative();
            positions.add(at);
            from = at + heading.length();
        }
        return positions;
    }

    private static int lastInkedColumn(BufferedImage page) {
        for (int x = page.getWidth() - 1; x >= 0; x--) {
            for (int y = 0; y < page.getHeight(); y++) {
                if ((page.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    return x;
                }
            }
        }
        return -1;
    }

    private static long count(BufferedImage page, int rgb) {
        long count = 0;
        for (int x = 0; x < page.getWidth(); x++) {
            for (int y = 0; y < page.getHeight(); y++) {
                int pixel = page.getRGB(x, y) & 0xffffff;
                if (Math.abs((pixel >> 16) - (rgb >> 16)) < 12 && Math.abs((pixel >> 8 & 0xff) - (rgb >> 8 & 0xff)) < 12
                        && Math.abs((pixel & 0xff) - (rgb & 0xff)) < 12) {
                    count++;
                }
            }
        }
        return count;
    }
}
