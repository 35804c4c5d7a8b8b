package org.orglife.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.Point;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Camunda Tasklist as a person uses it: filters on the left, the task list, the task with its form. */
final class Tasklist {

    static final String APP = "tasklist";
    static final By FILTER_NAMES = By.cssSelector(".task-filters .task-filter h4.name a");
    static final By TASK_TITLE = By.cssSelector(".task-details h2");
    static final By CLAIM = By.cssSelector(".task-details button.claim");
    static final By RELEASE = By.cssSelector(".task-details button[ng-click='unclaim()']");
    static final By COMPLETE = By.cssSelector(".task-details .form-actions button.btn-primary");
    static final By NOTIFICATIONS = By.cssSelector(".page-notifications .notifications .alert");

    /** A notification as Tasklist shows it: its own heading, then the server's {@code message}. */
    record Notification(String status, String message) {
        @Override
        public String toString() {
            return status + "：" + message;
        }
    }

    private final Chromium browser;
    private final CamundaWebapps webapps;

    Tasklist(Chromium browser, CamundaWebapps webapps) {
        this.browser = browser;
        this.webapps = webapps;
    }

    void signIn(String user) {
        webapps.signIn(APP, user);
        awaitFilters();
    }

    void switchUser(String user) {
        webapps.switchUser(APP, user);
        awaitFilters();
    }

    private void awaitFilters() {
        browser.await(ExpectedConditions.visibilityOfElementLocated(FILTER_NAMES));
    }

    /** The names of the filters on the left, in their order, without the task counter. */
    List<String> filterNames() {
        awaitFilters();
        return browser.driver.findElements(By.cssSelector(".task-filters .task-filter h4.name a")).stream()
                .map(a -> (String) browser.script(
                        "return Array.from(arguments[0].childNodes).filter(n => n.nodeType === 3)"
                                + ".map(n => n.textContent).join('').trim();", a))
                .toList();
    }

    void openFilter(String name) {
        browser.await(d -> d.findElements(FILTER_NAMES).stream().filter(a -> a.getText().startsWith(name)).findFirst()
                .orElse(null)).click();
    }

    /** Clicks the task of that name in the list of the open filter. */
    void openTaskInList(String taskName) {
        browser.await(d -> d.findElements(By.cssSelector(".tasks-list li.task h4 a")).stream()
                .filter(a -> a.getText().trim().equals(taskName)).findFirst().orElse(null)).click();
        awaitTask(taskName);
    }

    /** Opens a task by its id, as a link from elsewhere would. */
    void openTask(String taskId, String taskName) {
        browser.open(webapps.url(APP) + "default/#/?task=" + taskId);
        awaitTask(taskName);
    }

    /** Reloads the page (F5) showing the open task. */
    void reload(String taskName) {
        browser.driver.navigate().refresh();
        awaitTask(taskName);
    }

    private void awaitTask(String taskName) {
        browser.await(ExpectedConditions.textToBePresentInElementLocated(TASK_TITLE, taskName));
    }

    /**
     * Takes up the open task: claims it, unless it is the signed-in person's already (a secretary's step
     * is theirs from the start); its form becomes editable.
     */
    CamundaForm claim() {
        browser.await(d -> shown(CLAIM) || shown(RELEASE));
        if (shown(CLAIM)) {
            browser.await(ExpectedConditions.elementToBeClickable(CLAIM)).click();
            browser.await(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
        }
        browser.await(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-details .disabled-form")));
        return form();
    }

    /** Whether the open task offers 认领 (it is nobody's) rather than 取消认领 (it is the signed-in person's). */
    boolean claimOffered() {
        browser.await(d -> shown(CLAIM) || shown(RELEASE));
        return shown(CLAIM);
    }

    /** Releases the open task (取消认领): it goes back to its candidates, 认领 is offered again. */
    void release() {
        browser.await(ExpectedConditions.elementToBeClickable(RELEASE)).click();
        browser.await(d -> shown(CLAIM));
    }

    private boolean shown(By element) {
        return browser.driver.findElements(element).stream().anyMatch(e -> e.isDisplayed());
    }

    CamundaForm form() {
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details form.fjs-form")));
        return new CamundaForm(browser);
    }

    /**
     * Clicks 完成 (complete) and waits for Tasklist's answer: on success it closes the task (the engine
     * completed it); otherwise it shows a notification, or form-js marks fields as invalid and sends nothing.
     */
    void complete() {
        Notification refusal = submit();
        if (refusal != null) {
            throw new AssertionError("Tasklist did not complete the task: " + refusal);
        }
    }

    /**
     * What keeps 保存 and 完成 from being clicked with the notifications shown: for each button, scrolled
     * into view, that is not the element found at its own centre, the button and what lies over it.
     */
    List<String> buttonsCovered() {
        List<WebElement> buttons = browser.driver.findElements(By.cssSelector(".task-details .form-actions button"));
        assertThat(buttons).as("保存 and 完成").hasSizeGreaterThanOrEqualTo(2);
        return buttons.stream().map(button -> (String) browser.script("""
                const button = arguments[0];
                button.scrollIntoView({ block: 'center' });
                const box = button.getBoundingClientRect();
                const found = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                return found !== null && button.contains(found) ? null
                    : button.textContent.trim() + ' under ' + (found === null ? 'nothing (off screen)'
                        : [found, found.closest('footer, .page-notifications')].filter(e => e !== null)
                            .map(e => e.tagName + '.' + e.className).join(' in '));""", button)).filter(java.util.Objects::nonNull).toList();
    }

    /** Clicks 完成 expecting the server to refuse; returns the notification shown, the task still open. */
    Notification completeRefused() {
        Notification refusal = submit();
        if (refusal == null) {
            throw new AssertionError("Tasklist completed the task; a refusal was expected");
        }
        return refusal;
    }

    /**
     * Lets the form take in the last input before 完成 is clicked. form-js applies typed text after a short
     * debounce, or on blur; applying it re-lays out the form, and a click during that moves the button
     * away under the pointer, so Tasklist never sees it. So: blur, then wait until the button stays put.
     */
    private void settle() {
        browser.script("if (document.activeElement) { document.activeElement.blur(); }");
        Point[] last = {null};
        browser.await(d -> {
            Point now = d.findElement(COMPLETE).getLocation();
            boolean still = now.equals(last[0]);
            last[0] = now;
            return still;
        });
    }

    private Notification submit() {
        String taskName = browser.await(d -> d.findElement(TASK_TITLE).getText());
        int before = browser.driver.findElements(NOTIFICATIONS).size();
        settle();
        browser.click(browser.await(ExpectedConditions.elementToBeClickable(COMPLETE)));
        Optional<Notification> answer = browser.await(d -> {
            List<WebElement> shown = d.findElements(NOTIFICATIONS);
            if (shown.size() > before) {
                WebElement last = shown.get(shown.size() - 1);
                return Optional.of(new Notification(last.findElement(By.cssSelector(".status")).getText().trim(),
                        last.findElement(By.cssSelector(".message")).getText().trim()));
            }
            List<String> invalid = new CamundaForm(browser).errors();
            if (!invalid.isEmpty()) {
                return Optional.of(new Notification("form-js", invalid.toString()));
            }
            boolean closed = d.findElements(TASK_TITLE).stream().noneMatch(h -> h.getText().equals(taskName));
            return closed ? Optional.<Notification>empty() : null;
        });
        return answer.orElse(null);
    }
}
