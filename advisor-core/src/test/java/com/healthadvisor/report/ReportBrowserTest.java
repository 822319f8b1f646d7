package com.healthadvisor.report;

import com.healthadvisor.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each seed's HTML report rendered in headless Chromium (Debian's chromium; .ci/run installs it):
 * a screenshot in target/reports/, no console or loading errors, every chart drawn with a size.
 * A copy of the page gets a probe script that records errors and chart sizes into the DOM.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = TestFiles.BUILD.resolve("reports");
    private static final Pattern PROBE = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL);
    private static final String PROBE_SCRIPT = """
            <script>
            window.__errors = [];
            window.addEventListener('error', e => window.__errors.push(String(e.message || (e.target && e.target.outerHTML))), true);
            const original = console.error;
            console.error = (...args) => { window.__errors.push(args.join(' ')); original(...args); };
            window.addEventListener('load', () => {
              const sizes = [...document.querySelectorAll('svg.ha-chart')].map(svg => {
                const box = svg.getBoundingClientRect(); return Math.round(box.width) + 'x' + Math.round(box.height); });
              const pre = document.createElement('pre'); pre.id = 'probe';
              pre.textContent = 'charts=' + sizes.join(',') + ';errors=' + window.__errors.length + ':' + window.__errors.join('|');
              document.body.appendChild(pre);
            });
            </script>
            """;

    @BeforeAll
    static void needsChromium() throws IOException {
        // Fails rather than skips: a report nobody rendered is not a tested report.
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: install Debian's chromium "
                + "(apt-get install chromium; .ci/run does)", CHROMIUM).isTrue();
        Files.createDirectories(OUT);
    }

    static List<String> seeds() {
        return SeedReports.SEEDS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void rendersWithoutErrorsAndWithChartsOfNonZeroSize(String seed) throws Exception {
        String html = SeedReports.of(seed).html(false);
        Path page = OUT.resolve(seed + ".html").toAbsolutePath();
        Files.writeString(page, html);
        Path probed = OUT.resolve(seed + ".probe.html").toAbsolutePath();
        Files.writeString(probed, html.replace("<head>", "<head>\n" + PROBE_SCRIPT));
        Path screenshot = OUT.resolve(seed + ".png").toAbsolutePath();

        Result shot = chromium("--screenshot=" + screenshot, "--window-size=1000,2400", "--enable-logging=stderr",
                page.toUri().toString());
        Result dom = chromium("--dump-dom", probed.toUri().toString());

        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        assertThat(shot.err()).doesNotContain("Uncaught", "Failed to load resource", "ERR_FILE_NOT_FOUND");
        Matcher probe = PROBE.matcher(dom.out());
        assertThat(probe.find()).as("the probe ran: %s", dom.err()).isTrue();
        String[] parts = probe.group(1).split(";errors=");
        assertThat(parts[1]).startsWith("0:");
        List<String> charts = List.of(parts[0].substring("charts=".length()).split(","));
        assertThat(charts).isNotEmpty().allSatisfy(size -> assertThat(size).matches("[1-9]\\d*x[1-9]\\d*"));
        assertThat(charts.size()).isEqualTo(count(html, "class=\"ha-chart\""));
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    private record Result(String out, String err) {
    }

    private static Result chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        return new Result(Files.readString(out), Files.readString(err));
    }
}
