package com.healthadvisor.report;

import com.healthadvisor.TestFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each seed's PDF report, read back with poppler (Debian's poppler-utils; .ci/run installs it): its text holds the
 * HTML report's headings in the HTML's order, and its pages rendered to PNG (written under target/reports/pdf)
 * carry the charts, drawn inside the page's margins.
 */
class PdfReportTest {

    private static final Path OUT = TestFiles.BUILD.resolve("reports/pdf");
    private static final Pattern HEADING = Pattern.compile("<h[1-4][^>]*>(.*?)</h[1-4]>", Pattern.DOTALL);
    /** The crisis band's red, which seeds 2 and 3 draw in their benchmark strips. */
    private static final int CRISIS_RED = 0xc0392b;

    static List<String> seeds() {
        return SeedReports.SEEDS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void thePdfHasTheHtmlReportsSectionsInOrderAndItsChartsWithinThePage(String seed, @TempDir Path temp)
            throws Exception {
        SeedReports.Rendered report = SeedReports.of(seed);
        byte[] pdf = report.pdf();
        Path file = temp.resolve(seed + ".pdf");
        Files.write(file, pdf);
        Files.createDirectories(OUT);

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = run("pdftotext", "-layout", file.toString(), "-").replaceAll("\\s+", " ");
        assertThat(positions(text, headings(report.html(false)))).isSorted();

        run("pdftoppm", "-r", "60", "-png", file.toString(), OUT.resolve(seed).toString());
        List<BufferedImage> pages = pages(seed);
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

    private static List<BufferedImage> pages(String seed) throws IOException {
        try (Stream<Path> files = Files.list(OUT)) {
            List<Path> pngs = files.filter(f -> f.getFileName().toString().startsWith(seed + "-")).sorted().toList();
            List<BufferedImage> pages = new ArrayList<>();
            for (Path png : pngs) {
                pages.add(ImageIO.read(png.toFile()));
            }
            return pages;
        }
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

    /** A poppler command; fails, saying how to install it, when it is missing. */
    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: install Debian's poppler-utils "
                    + "(apt-get install poppler-utils; .ci/run does)", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
