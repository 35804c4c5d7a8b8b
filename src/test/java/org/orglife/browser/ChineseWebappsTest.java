package org.orglife.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Welcome, Tasklist, Cockpit and Admin speak Chinese (SPEC §7) whatever the browser's language; English
 * is there when asked for with {@code ?lang=en} (remembered by the browser until {@code ?lang=zh}).
 */
@BrowserTest
class ChineseWebappsTest {

    static final List<String> APPS = List.of("welcome", Tasklist.APP, "cockpit", "admin");
    static final By EOL_BANNER = By.cssSelector(".ce-eol-banner");

    @RegisterExtension final ChromiumSession session = new ChromiumSession("zh-CN");

    @LocalServerPort int port;

    @Test
    void theFourWebappsSignInPagesAreChineseInAChineseBrowser() {
        CamundaWebapps webapps = new CamundaWebapps(session.chromium(), port);
        for (String app : APPS) {
            assertThat(webapps.signInPage(app).getText()).as(app)
                    .isEqualTo(WebappLabels.zhCn(app, "PAGE_LOGIN_SIGN_IN_ACTION")).isEqualTo("登录");
            assertThat(session.chromium().driver.findElement(CamundaWebapps.USERNAME).getDomAttribute("placeholder"))
                    .as(app).isEqualTo(WebappLabels.zhCn(app, "PAGE_LOGIN_USERNAME"));
            assertThat(session.chromium().driver.findElements(EOL_BANNER)).as(app + ": no banner before sign-in")
                    .isEmpty();
            session.chromium().screenshot("signin-" + app);
        }
    }

    @Test
    void everyBrowserGetsChineseAndEnglishIsThereWhenAskedFor() {
        try (Chromium french = Chromium.start("fr-FR")) {
            assertThat(new CamundaWebapps(french, port).signInPage(Tasklist.APP).getText()).isEqualTo("登录");
        }
        try (Chromium english = Chromium.start("en-US")) {
            CamundaWebapps webapps = new CamundaWebapps(english, port);
            assertThat(webapps.signInPage(Tasklist.APP).getText()).isEqualTo("登录");
            assertThat(webapps.signInPage(Tasklist.APP, "?lang=en").getText()).isEqualTo("Log in");
            assertThat(webapps.signInPage("cockpit").getText()).as("remembered").isEqualTo("Log in");
            assertThat(webapps.signInPage(Tasklist.APP, "?lang=zh").getText()).isEqualTo("登录");
        }
    }

    @Test
    void aBranchSecretarySeesTheBranchFiltersInTasklistAndNoBanner() {
        Tasklist tasklist = new Tasklist(session.chromium(), new CamundaWebapps(session.chromium(), port));
        tasklist.signIn("sec-DDG-01");
        assertThat(tasklist.filterNames()).containsExactly("本支部待办", "我的待办", "即将到期", "已逾期");
        assertThat(session.chromium().driver.findElements(EOL_BANNER)).as("the end-of-life banner").isEmpty();
        String footer = session.chromium().await(d -> {
            var text = d.findElement(By.cssSelector("footer[cam-widget-footer]")).getText();
            return text.contains("OrgLife") ? text : null;
        });
        assertThat(footer).contains("OrgLife 组织生活会").doesNotContain("Camunda Platform", "Powered");
        session.chromium().screenshot("tasklist-filters-sec-DDG-01");
    }

    /** Community Edition's end-of-life banner is for those who could act on it: the administrators. */
    @Test
    void theEndOfLifeBannerIsShownToTheAdministratorOnly() {
        CamundaWebapps webapps = new CamundaWebapps(session.chromium(), port);
        webapps.signIn("cockpit", "admin", "test-admin-secret");
        assertThat(session.chromium().await(d -> {
            var banners = d.findElements(EOL_BANNER);
            return banners.isEmpty() || banners.get(0).getText().isBlank() ? null : banners.get(0);
        }).getText()).startsWith("是时候迁移到 Camunda 8 了");
        session.chromium().screenshot("cockpit-banner-admin");

        webapps.switchUser("cockpit", "supervisor");
        assertThat(session.chromium().driver.findElements(EOL_BANNER)).as("the supervisor sees none").isEmpty();
    }
}
