package org.orglife.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The township dashboard in a real browser: the supervisor signs in with the Tasklist account, sees
 * every branch and both charts drawn (a screenshot is kept for people to look at), pages through the
 * branches and filters them; a liaison cadre sees only the branches they are named for.
 */
@BrowserTest
class DashboardInBrowserTest {

    static final int YEAR = 2049;

    @RegisterExtension final ChromiumSession session = new ChromiumSession("zh-CN");

    @LocalServerPort int port;
    @Autowired ReviewCycles reviewCycles;
    @Autowired ReviewCycleRepository cycles;

    void cyclesRun() {
        for (String code : List.of("DDG-01", "DDG-02", "DDG-03", "DDG-07")) {
            if (cycles.find(YEAR + "-" + code).isEmpty()) {
                reviewCycles.start(code, YEAR, Map.of());
            }
        }
    }

    List<String> shownBranches(String user) {
        Chromium browser = session.chromium();
        browser.open("http://localhost:" + port + "/dashboard?year=" + YEAR);
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.driver.findElement(By.id("username")).sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.click(browser.driver.findElement(By.id("login")));
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("branches")));
        return browser.driver.findElements(By.cssSelector("#branches tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-branch")).toList();
    }

    @Test
    void theSupervisorSeesEveryBranchAndTheChartsAreDrawn() {
        cyclesRun();

        List<String> branches = shownBranches("supervisor");

        assertThat(branches).hasSize(10);
        Chromium browser = session.chromium();
        assertThat((Boolean) browser.script("return window.chartsRendered === true")).isTrue();
        for (String chart : List.of("chart-steps", "chart-grades")) {
            WebElement canvas = browser.driver.findElement(By.id(chart));
            assertThat(canvas.getSize().getHeight()).as(chart).isGreaterThan(50);
            // a drawn chart has coloured pixels; an empty canvas is all transparent
            Number coloured = (Number) browser.script("""
                    const c = arguments[0], data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let n = 0; for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) n++; } return n;""", canvas);
            assertThat(coloured.intValue()).as(chart + " drawn").isGreaterThan(500);
        }
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains(YEAR + "年度");
        assertThat(browser.driver.findElements(By.id("statistics-download"))).hasSize(1);
        browser.screenshot("dashboard-supervisor");
    }

    @Test
    void aLiaisonCadreSeesOnlyTheirBranches() {
        cyclesRun();

        assertThat(shownBranches("liaison1")).containsExactlyInAnyOrder("DDG-01", "DDG-02", "DDG-07", "DDG-08",
                "DDG-09");
        assertThat(session.chromium().driver.findElements(By.id("statistics-download"))).isEmpty();
        session.chromium().screenshot("dashboard-liaison1");
    }

    List<String> rows() {
        return session.chromium().driver.findElements(By.cssSelector("#branches tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-branch")).toList();
    }

    @Test
    void theSupervisorPagesThroughTheBranchesAndSearchesThem() {
        cyclesRun();
        shownBranches("supervisor");
        Chromium browser = session.chromium();

        browser.open("http://localhost:" + port + "/dashboard?year=" + YEAR + "&size=4");
        browser.await(ExpectedConditions.textToBe(By.id("pager-position"), "第 1 / 3 页"));
        assertThat(rows()).containsExactly("DDG-01", "DDG-02", "DDG-03", "DDG-04");
        assertThat(browser.driver.findElement(By.id("pager-total")).getText()).isEqualTo("共 10 个支部");
        browser.click(browser.driver.findElement(By.id("pager-next")));
        browser.await(ExpectedConditions.textToBe(By.id("pager-position"), "第 2 / 3 页"));
        assertThat(rows()).containsExactly("DDG-05", "DDG-06", "DDG-07", "DDG-08");
        assertThat((Boolean) browser.script("return window.chartsRendered === true")).isTrue();

        browser.driver.findElement(By.id("q")).sendKeys("南庄");
        browser.click(browser.driver.findElement(By.cssSelector("#branch-filter button[type=submit]")));
        browser.await(ExpectedConditions.textToBe(By.id("pager-total"), "共 1 个支部"));
        assertThat(rows()).containsExactly("DDG-07");
        browser.screenshot("dashboard-supervisor-search");
    }
}
