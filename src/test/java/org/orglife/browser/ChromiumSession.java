package org.orglife.browser;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link Chromium} for each test ({@code @RegisterExtension}); when a test fails, the page it
 * was on is kept as {@code target/screenshots/failed-<class>-<test>.png}, {@code .html} and
 * {@code .console.log} (the browser console).
 */
final class ChromiumSession implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private final String language;
    private Chromium chromium;

    ChromiumSession(String language) {
        this.language = language;
    }

    Chromium chromium() {
        return chromium;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        chromium = Chromium.start(language);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isPresent() && chromium != null) {
            String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            try {
                chromium.screenshot(name);
                Files.writeString(Chromium.SCREENSHOTS.resolve(name + ".html"), chromium.driver.getPageSource());
                Files.write(Chromium.SCREENSHOTS.resolve(name + ".console.log"), chromium.consoleLog());
            } catch (RuntimeException e) {
                context.getExecutionException().get().addSuppressed(e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
