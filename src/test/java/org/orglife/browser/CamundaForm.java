package org.orglife.browser;

import java.time.LocalDate;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Camunda Form (form-js) in Tasklist. Fields are found by their component id: form-js renders
 * component {@code field_venue} as {@code id="fjs-form-<random>-field_venue"} and the n-th item of a
 * dynamic list's child {@code field_ratings_grade} as {@code ...-field_ratings_grade_<n>}.
 */
final class CamundaForm {

    private final Chromium browser;

    CamundaForm(Chromium browser) {
        this.browser = browser;
    }

    private static By byComponent(String componentId) {
        return By.cssSelector("form.fjs-form [id$='-" + componentId + "']");
    }

    WebElement field(String componentId) {
        return browser.await(ExpectedConditions.presenceOfElementLocated(byComponent(componentId)));
    }

    String value(String componentId) {
        return field(componentId).getDomProperty("value");
    }

    void type(String componentId, String text) {
        WebElement input = field(componentId);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(text);
    }

    /** Types a date as a person does (form-js reads m/d/yyyy and shows it as such); form-js submits yyyy-MM-dd. */
    void date(String componentId, LocalDate date) {
        String shown = date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear();
        WebElement input = field(componentId + "-date");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(shown, Keys.ENTER);
        browser.await(d -> shown.equals(input.getDomProperty("value")));
    }

    /** Chooses the radio button labelled {@code label}. */
    void radio(String componentId, String label) {
        WebElement group = field(componentId + "-0").findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field-radio')]"));
        WebElement option = group.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
                .filter(l -> l.getText().trim().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + label + " in " + componentId));
        browser.click(option);
    }

    void check(String componentId, boolean checked) {
        WebElement box = field(componentId);
        if (box.isSelected() != checked) {
            browser.click(box);
        }
    }

    /**
     * Picks the option labelled {@code label} of a select. form-js draws its own drop-down list, which a
     * click toggles, so the list is clicked open again until the option shows.
     */
    void select(String componentId, String label) {
        WebElement group = field(componentId).findElement(
                By.xpath("ancestor::div[contains(@class,'fjs-form-field-select')]"));
        WebElement opener = group.findElement(By.cssSelector(".fjs-input-group"));
        List<WebElement> clear = group.findElements(By.cssSelector(".fjs-select-cross"));
        if (!clear.isEmpty()) {
            // a select that has a value does not open on click (form-js in 7.24): clear it first, as a person would
            browser.click(clear.get(0));
            browser.await(d -> group.findElements(By.cssSelector(".fjs-select-cross")).isEmpty());
        }
        browser.click(opener);
        browser.await(d -> {
            WebElement option = group.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                    .filter(i -> i.getText().trim().equals(label)).findFirst().orElse(null);
            if (option == null) {
                browser.click(opener);
            }
            return option;
        }).click();
        browser.await(d -> group.findElement(By.cssSelector(".fjs-select-display")).getText().trim().equals(label));
    }

    /** The label form-js shows for a field (after evaluating an expression label). */
    String label(String componentId) {
        return field(componentId).findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"))
                .findElement(By.cssSelector("label.fjs-form-field-label")).getText().trim();
    }

    /** The option a select shows as chosen, by its label; empty when none is. */
    String selection(String componentId) {
        WebElement group = field(componentId).findElement(
                By.xpath("ancestor::div[contains(@class,'fjs-form-field-select')]"));
        return group.findElements(By.cssSelector(".fjs-select-display")).stream().map(e -> e.getText().trim())
                .findFirst().orElse("");
    }

    /** The problem a refusal wrote above the list row holding this field, or null when the row is not marked. */
    String rowProblem(String componentId) {
        return field(componentId).findElement(By.xpath("ancestor::div[contains(@class,'fjs-layout-row')][1]"))
                .getDomAttribute("data-orglife-problem");
    }

    /** Whether a field shows its whole value, nothing cut off at its right or lower edge. */
    boolean showsWholeValue(String componentId) {
        return Boolean.TRUE.equals(browser.script("""
                const field = arguments[0];
                return field.scrollWidth <= field.clientWidth && field.scrollHeight <= field.clientHeight;""",
                field(componentId)));
    }

    /** How many items a dynamic list renders (counted by one of its child fields). */
    int rendered(String childComponentId) {
        return browser.driver.findElements(By.cssSelector("form.fjs-form [id*='-" + childComponentId + "_']")).stream()
                .filter(e -> e.getDomAttribute("id").matches(".*-" + childComponentId + "_\\d+"))
                .toList().size();
    }

    /** The values of one child field across a dynamic list's items, in order. */
    List<String> column(String childComponentId) {
        int count = rendered(childComponentId);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> value(childComponentId + "_" + i)).toList();
    }

    /** The messages form-js shows under invalid fields. */
    List<String> errors() {
        return browser.driver.findElements(By.cssSelector("form.fjs-form .fjs-form-field-error")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }
}
