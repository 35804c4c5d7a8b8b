package org.orglife.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The four Camunda webapps under {@code /camunda/app/} and the sign-in page they share. */
final class CamundaWebapps {

    static final By USERNAME = By.cssSelector("form[name=signinForm] input[ng-model=username]");
    static final By PASSWORD = By.cssSelector("form[name=signinForm] input[ng-model=password]");
    static final By SIGN_IN = By.cssSelector("form[name=signinForm] button[type=submit]");
    static final String DEMO_PASSWORD = "demo";
    private static final Duration SIGN_IN_PATIENCE = Duration.ofSeconds(40);

    private final Chromium browser;
    private final int port;

    CamundaWebapps(Chromium browser, int port) {
        this.browser = browser;
        this.port = port;
    }

    String url(String app) {
        return "http://localhost:" + port + "/camunda/app/" + app + "/";
    }

    /** Opens the app's sign-in page and waits until its button is labelled (the locale is loaded). */
    WebElement signInPage(String app) {
        return signInPage(app, "");
    }

    /** The sign-in page, with a query such as {@code ?lang=en} before the app's own fragment. */
    WebElement signInPage(String app, String query) {
        browser.open(query.isEmpty() ? url(app) : url(app) + "default/" + query);
        browser.await(ExpectedConditions.visibilityOfElementLocated(SIGN_IN));
        return browser.await(d -> {
            WebElement button = d.findElement(SIGN_IN);
            return button.getText().isBlank() ? null : button;
        });
    }

    void signIn(String app, String user) {
        signIn(app, user, DEMO_PASSWORD);
    }

    /**
     * Signs in and waits until the sign-in form has gone. On a busy machine a click now and then lands
     * before the page listens (the form then simply stays, with no message), so a sign-in still showing
     * after {@link #SIGN_IN_PATIENCE} is made once more on a fresh page; a wrong password fails every time.
     */
    void signIn(String app, String user, String password) {
        for (int attempt = 1; ; attempt++) {
            signInPage(app);
            browser.driver.findElement(USERNAME).sendKeys(user);
            browser.driver.findElement(PASSWORD).sendKeys(password);
            browser.driver.findElement(SIGN_IN).click();
            try {
                browser.await(ExpectedConditions.invisibilityOfElementLocated(SIGN_IN), SIGN_IN_PATIENCE);
                return;
            } catch (TimeoutException stillThere) {
                if (attempt == 3) {
                    throw stillThere;
                }
            }
        }
    }

    /** Signs the current person out by dropping the session, then signs {@code user} in. */
    void switchUser(String app, String user) {
        browser.driver.manage().deleteAllCookies();
        browser.script("window.localStorage.clear(); window.sessionStorage.clear();");
        signIn(app, user);
    }
}
