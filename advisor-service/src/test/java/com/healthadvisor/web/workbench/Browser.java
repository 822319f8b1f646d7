package com.healthadvisor.web.workbench;

import com.healthadvisor.TestFiles;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium driven through its chromedriver (both installed by the build's .ci/test-tools when missing; a
 * missing one fails the test, it never skips it), with axe-core (from Deque's Maven artifact) injected into each
 * page, screenshots under target/, and the widths a page must work at.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The script as Deque's com.deque.html.axe-core:selenium jar carries it (a test dependency). */
    static final String AXE = "axe.min.js";
    static final Path SHOTS = TestFiles.BUILD.resolve("workbench-screenshots");
    static final int WIDE = 1280;
    static final int NARROW = 390;

    private final WebDriver driver;
    private final String base;
    private final String axe;
    private final List<String> shots = new ArrayList<>();

    Browser(int port) {
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: apt-get install chromium (.ci/run does)",
                CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is missing: apt-get install chromium-driver (.ci/run "
                + "does)", CHROMEDRIVER).isTrue();
        this.base = "http://localhost:" + port;
        this.axe = axeSource();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As the machine's own browser check starts it: headless, and quiet on a network that refuses the world.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + WIDE + ",900", "--user-data-dir=" + tempDir());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    WebDriver driver() {
        return driver;
    }

    String base() {
        return base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Waits until the script returns true on a loaded page, up to the given seconds. */
    void waitFor(String script, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Boolean.TRUE.equals(script("return document.readyState === 'complete' && (" + script + ");"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s for " + script + " on " + path());
            }
            pause(100);
        }
    }

    /**
     * The page checked as a person would meet it: axe finds no serious or critical violation, at 1,280 and at 390 px
     * nothing makes the page scroll sideways, and a screenshot at each width is written under target/.
     */
    void check(String name) {
        assertThat(accessibilityViolations()).as("axe on %s (%s)", name, path()).isEmpty();
        Number wide = (Number) script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(wide.intValue()).as("sideways scrolling at %d px on %s (%s)", WIDE, name, path())
                .isLessThanOrEqualTo(0);
        screenshot(name + "-1280");
        driver.manage().window().setSize(new Dimension(NARROW, 844));
        try {
            pause(150);
            Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow.intValue()).as("sideways scrolling at %d px on %s (%s), past the window: %s", NARROW,
                    name, path(), overflowing()).isLessThanOrEqualTo(0);
            screenshot(name + "-390");
        } finally {
            driver.manage().window().setSize(new Dimension(WIDE, 900));
        }
    }

    /** The innermost elements that reach past the window's right edge, for a failure to name. */
    private Object overflowing() {
        return script("""
                return Array.from(document.querySelectorAll('body *')).filter(function (e) {
                  return e.getBoundingClientRect().right > window.innerWidth + 1
                      && !Array.from(e.children).some(function (c) {
                        return c.getBoundingClientRect().right > window.innerWidth + 1; });
                }).slice(0, 5).map(function (e) {
                  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal
                      === undefined ? '.' + String(e.className).split(' ').join('.') : '')
                      + ' ' + Math.round(e.getBoundingClientRect().right) + 'px';
                }).join(', ');
                """);
    }

    /** axe-core's serious and critical findings on the current page, one line each. */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        return (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(axe + """
                ;var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (results) {
                  done(results.violations.filter(function (v) {
                    return v.impact === 'serious' || v.impact === 'critical';
                  }).map(function (v) {
                    return v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(function (n) {
                      return n.target.join(' ');
                    }).join(', ');
                  }));
                }, function (error) { done(['axe failed: ' + error]); });
                """);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            // The whole page, not only the window: a screenshot is read by a person checking the layout.
            Number height = (Number) script("return Math.min(document.documentElement.scrollHeight, 6000);");
            Dimension size = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(size.getWidth(), Math.max(height.intValue() + 100, 600)));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            driver.manage().window().setSize(size);
            Path target = SHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            shots.add(target.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> screenshots() {
        return shots;
    }

    /** The session cookie, for requests the test makes beside the browser (downloads, forged writes). */
    String sessionCookie() {
        return "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    @Override
    public void close() {
        driver.quit();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** axe-core from the test class path; missing, it fails the test. */
    private static String axeSource() {
        try (var script = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            assertThat(script).as("%s is not on the test class path: it comes with the test dependency "
                    + "com.deque.html.axe-core:selenium", AXE).isNotNull();
            return new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("workbench-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
