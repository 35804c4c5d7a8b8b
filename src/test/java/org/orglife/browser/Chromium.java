package org.orglife.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (both from apt, see .ci/run), with a fresh
 * profile each time. The driver and browser paths are given explicitly, so Selenium Manager never runs
 * and nothing is downloaded.
 */
final class Chromium implements AutoCloseable {

    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * How long a wait may take. A form of two 48-row lists takes Tasklist tens of seconds to render on
     * a busy two-core machine, and the page answers no script meanwhile (CI once timed out at 30 s).
     */
    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final int WIDTH = 1440;
    static final int HEIGHT = 1100;

    /** Selenium finds no CDP bindings for Debian's Chromium version; we use none, so its warning is noise. */
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser whose user prefers {@code language} (e.g. "zh-CN"), as a township's computers do. */
    static Chromium start(String language) {
        for (String executable : new String[] {BROWSER, DRIVER}) {
            if (!new File(executable).canExecute()) {
                throw new IllegalStateException(executable + " is missing: apt-get install chromium chromium-driver "
                        + "fonts-noto-cjk (see README, Browser tests)");
            }
        }
        CDP_LOG.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("orglife-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return new Chromium(driver, profile);
    }

    void open(String url) {
        driver.get(url);
    }

    /**
     * Waits until {@code condition} answers. Tasklist's pages re-render as answers arrive, so an element
     * found a moment ago can be replaced while the condition reads it, or the page can be too busy
     * rendering to answer: that read is simply asked again, within {@link #PATIENCE}.
     */
    <T> T await(Function<WebDriver, T> condition) {
        return await(condition, PATIENCE);
    }

    /** {@link #await(Function)} with its own patience. */
    <T> T await(Function<WebDriver, T> condition, Duration patience) {
        return new WebDriverWait(driver, patience)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(ScriptTimeoutException.class)
                .until(condition);
    }

    /** Scrolls the element to the middle of its pane first: Tasklist's fixed footer covers the pane's bottom edge. */
    void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Writes {@code target/screenshots/<name>.png}. The window is first made as tall as the page's
     * tallest scrolling pane (Tasklist scrolls the form inside its own column), so the whole form shows;
     * the window's own frame (its outer height less the viewport's) is added, or a page that scrolls as
     * a whole would lose its last part.
     */
    Path screenshot(String name) {
        Number height = (Number) script("""
                let h = document.documentElement.scrollHeight;
                for (const el of document.querySelectorAll('*')) {
                  if (el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible') {
                    h = Math.max(h, el.scrollHeight + el.getBoundingClientRect().top + 80);
                  }
                }
                return h + Math.max(0, window.outerHeight - window.innerHeight);""");
        Dimension original = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(original.getWidth(),
                    Math.max(original.getHeight(), Math.min(height.intValue(), 16000))));
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(original);
        }
    }

    /** Makes the window the size of a phone's screen, 390 × 844 CSS pixels, as a secretary's phone shows pages. */
    void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    /** The window back at its desktop size. */
    void desktop() {
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    }

    /** What the page wrote to the browser console since the last call. */
    List<String> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
