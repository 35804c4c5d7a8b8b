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
            assertThat(session.chromium().driver.findElement(EOL_BANNER).getText()).as(app)
                    .startsWith("是时候迁移到 Camunda 8 了");
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
    void aBranchSecretarySeesTheBranchFiltersInTasklist() {
        Tasklist tasklist = new Tasklist(session.chromium(), new CamundaWebapps(session.chromium(), port));
        tasklist.signIn("sec-DDG-01");
        assertThat(tasklist.filterNames()).containsExactly("本支部待办", "我的待办", "即将到期", "已逾期");
        session.chromium().screenshot("tasklist-filters-sec-DDG-01");
    }
}
