package org.orglife.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.security.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The members' appraisal ballot of step 4 as a member meets it: a slip's address opened on a small
 * phone, without signing in, grades chosen by tapping, reviewed and confirmed; then the closed
 * ballot's tallies as the secretary finds them, read-only, in the members' meeting's form in Tasklist.
 * DDG-10 of 2096: 朱亮, 袁丽芳 and 薛思远 vote; 许昊 is probationary and appraised without a grade.
 */
@BrowserTest
class BallotOnPhoneTest {

    static final String BRANCH = "DDG-10";
    static final int YEAR = 2096;
    static final String SECRETARY = "sec-DDG-10";
    /** The narrowest phone the ballot is made for, in CSS pixels. */
    static final Dimension SMALL_PHONE = new Dimension(360, 740);
    static final String TALLIES = "field_tallies_";
    static final List<String> COUNTS = List.of("excellent", "qualified", "basicallyQualified", "unqualified");

    @RegisterExtension final ChromiumSession session = new ChromiumSession("zh-CN");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void aMemberVotesOnASmallPhoneAndTheClosedTalliesStandReadOnlyInTheMeetingsForm() {
        // given DDG-10's members' meeting of 2096, its ballot opened by the secretary with everyone present
        TestClock.at(YEAR + 1, 2, 21);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, BRANCH, YEAR).jumpTo("holdMembersMeeting");
        String cycleId = cycle.businessKey;
        WebSession secretary = WebSession.signIn(http, SECRETARY);
        assertThat(openBallot(secretary, cycleId).getStatusCode().value()).isEqualTo(302);
        List<String> codes = unusedCodes(cycleId);
        assertThat(codes).hasSize(3);
        String slip = "http://localhost:" + port + "/ballot/" + codes.get(0);

        // when a member opens the slip's address on a phone 360 px wide
        Chromium browser = session.chromium();
        browser.driver.manage().window().setSize(SMALL_PHONE);
        browser.open(slip);
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("ballot-form")));

        // then the ballot lists the branch's four members, the probationary one marked, with no sign-in asked
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(slip);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("民主评议党员测评票");
        assertThat(browser.driver.findElement(By.cssSelector("header .branch")).getText()).isEqualTo(branchName());
        List<WebElement> members = browser.driver.findElements(By.cssSelector("fieldset.member"));
        assertThat(members).extracting(m -> m.getDomAttribute("id"))
                .containsExactly("member-DDG10-001", "member-DDG10-002", "member-DDG10-003", "member-DDG10-004");
        assertThat(members).extracting(m -> m.findElement(By.cssSelector("legend > span")).getText())
                .containsExactly("朱亮", "袁丽芳", "许昊", "薛思远");
        assertThat(members.get(2).findElement(By.cssSelector(".note")).getText()).isEqualTo("预备党员（不评定等次）");
        assertThat(members).allSatisfy(m -> assertThat(m.findElements(By.cssSelector(".grades label")))
                .extracting(WebElement::getText).containsExactly("优秀", "合格", "基本合格", "不合格"));

        // and it fits the phone: the viewport is the phone's width and nothing scrolls sideways
        assertThat(((Number) browser.script("return window.innerWidth;")).intValue())
                .isLessThanOrEqualTo(SMALL_PHONE.getWidth());
        assertNoSidewaysScrolling(browser, "the ballot");

        // when the member taps a grade for each, the labels being the touch targets
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("DDG10-001", "优秀");
        chosen.put("DDG10-002", "合格");
        chosen.put("DDG10-003", "合格");
        chosen.put("DDG10-004", "基本合格");
        chosen.forEach((member, grade) -> tapGrade(browser, member, grade));

        // then each choice shows as checked
        chosen.forEach((member, grade) -> assertThat(checkedGrade(browser, member)).as(member).isEqualTo(grade));
        browser.screenshot("ballot-phone");

        // when the choices are reviewed
        browser.click(browser.driver.findElement(By.id("review")));
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));

        // then the review lists every member with the grade chosen, on the phone's width
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("请核对您的选择");
        assertThat(browser.driver.findElements(By.cssSelector("#review-list > div"))).extracting(WebElement::getText)
                .containsExactly("朱亮\n优秀", "袁丽芳\n合格", "许昊\n预备党员（不评定等次）\n合格", "薛思远\n基本合格");
        assertNoSidewaysScrolling(browser, "the review");
        browser.screenshot("ballot-phone-review");

        // when the member confirms
        browser.click(browser.driver.findElement(By.id("confirm")));

        // then the vote is cast and the code spent
        WebElement done = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(done.findElement(By.tagName("h2")).getText()).isEqualTo("投票成功");
        assertNoSidewaysScrolling(browser, "the confirmation");
        browser.screenshot("ballot-phone-done");
        assertThat(unusedCodes(cycleId)).hasSize(2).doesNotContain(codes.get(0));

        // when the same slip's address is opened again
        browser.open(slip);

        // then it is refused
        WebElement refusal = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        assertThat(refusal.getText()).startsWith("此票码已经投过票");
        assertThat(browser.driver.findElements(By.id("ballot-form"))).isEmpty();
        browser.screenshot("ballot-phone-used");

        // when a second member votes from another phone and the secretary closes the ballot, the third code unused
        ResponseEntity<String> second = cast(codes.get(1), Map.of("DDG10-001", "EXCELLENT", "DDG10-002", "EXCELLENT",
                "DDG10-003", "QUALIFIED", "DDG10-004", "UNQUALIFIED"));
        assertThat(second.getBody()).contains("投票成功");
        assertThat(secretary.post("/ballots/" + cycleId + "/close", Map.of()).getStatusCode().value()).isEqualTo(302);

        // then the secretary, on the same phone, sees the closed ballot's tallies on its page, nothing off the side
        browser.open("http://localhost:" + port + "/login");
        browser.driver.findElement(By.id("username")).sendKeys(SECRETARY);
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.click(browser.driver.findElement(By.id("login")));
        browser.await(ExpectedConditions.urlContains("/dashboard"));
        browser.open("http://localhost:" + port + "/ballots/" + cycleId);
        WebElement status = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("ballot-status")));
        assertThat(status.getText()).isEqualTo("测评已结束");
        assertThat(browser.driver.findElements(By.cssSelector("#tallies tbody tr"))).hasSize(4);
        assertNoSidewaysScrolling(browser, "the secretary's ballot page");
        browser.screenshot("ballot-secretary-phone");

        // and finds the tallies in the members' meeting's form in Tasklist
        browser.desktop();
        Tasklist tasklist = new Tasklist(browser, new CamundaWebapps(browser, port));
        tasklist.signIn(SECRETARY);
        tasklist.openTask(cycle.task("holdMembersMeeting").getId(), "召开党员大会");
        CamundaForm form = tasklist.claim();
        assertThat(form.column(TALLIES + "memberId")).containsExactly("DDG10-001", "DDG10-002", "DDG10-003", "DDG10-004");
        Map<String, List<Integer>> expected = Map.of(
                "DDG10-001", List.of(2, 0, 0, 0),
                "DDG10-002", List.of(1, 1, 0, 0),
                "DDG10-003", List.of(0, 2, 0, 0),
                "DDG10-004", List.of(0, 0, 1, 1));
        for (int row = 0; row < 4; row++) {
            String member = form.value(TALLIES + "memberId_" + row);
            for (int c = 0; c < COUNTS.size(); c++) {
                String field = TALLIES + COUNTS.get(c) + "_" + row;
                assertThat(form.value(field)).as(member + " " + COUNTS.get(c))
                        .isEqualTo(String.valueOf(expected.get(member).get(c)));
                // and no count can be changed: form-js renders them read-only
                assertThat(readOnly(form.field(field))).as(member + " " + COUNTS.get(c) + " read-only").isTrue();
            }
        }

        // and the form says where the counts come from, with a link to the ballot
        WebElement notice = browser.await(d -> d.findElements(By.cssSelector("form.fjs-form .fjs-form-field-text"))
                .stream().filter(t -> t.getText().contains("来自在线民主测评")).findFirst().orElse(null));
        assertThat(notice.getText()).isEqualTo("下表票数来自在线民主测评（已投 2 / 3 张），不能修改。查看测评");
        WebElement link = notice.findElement(By.cssSelector("a[href]"));
        assertThat(link.getText()).isEqualTo("查看测评");
        assertThat(link.getDomAttribute("href")).isEqualTo("/ballots/" + cycleId);
        browser.screenshot("ballot-holdMembersMeeting");

        // when the secretary writes the rest of the record and completes it, the counts as shown
        form.date("field_membersHeldOn", LocalDate.of(YEAR + 1, 2, 20));
        form.type("field_committeeAppraisal", "支部委员会团结协作，履职尽责");
        tasklist.complete();

        // then the record is filed with the ballot's tallies
        assertThat(cycle.openTasks()).doesNotContain("holdMembersMeeting");
        expected.forEach((member, counts) -> assertThat(jdbc.sql("""
                select excellent, qualified, basically_qualified, unqualified from appraisal_tally
                where cycle_id = ? and member_id = ?""").params(cycleId, member).query().singleRow().values())
                .as(member).containsExactlyElementsOf(counts));
    }

    /** Clicks the label of a grade, as a thumb does: the radio input itself is visually hidden. */
    private static void tapGrade(Chromium browser, String memberId, String grade) {
        WebElement label = browser.driver.findElements(By.cssSelector("#member-" + memberId + " .grades label")).stream()
                .filter(l -> l.getText().trim().equals(grade)).findFirst()
                .orElseThrow(() -> new AssertionError("no grade " + grade + " for " + memberId));
        assertThat(label.getSize().getHeight()).as("touch target of " + grade).isGreaterThanOrEqualTo(44);
        browser.click(label);
        browser.await(d -> grade.equals(checkedGrade(browser, memberId)));
    }

    /** The label of the checked grade of a member, or null. */
    private static String checkedGrade(Chromium browser, String memberId) {
        return browser.driver.findElements(By.cssSelector("#member-" + memberId + " .grades label")).stream()
                .filter(l -> l.findElement(By.tagName("input")).isSelected()).map(l -> l.getText().trim())
                .findFirst().orElse(null);
    }

    private static void assertNoSidewaysScrolling(Chromium browser, String page) {
        Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth;");
        Number viewport = (Number) browser.script("return document.documentElement.clientWidth;");
        assertThat(scrollWidth.intValue()).as(page + " scrolls sideways").isLessThanOrEqualTo(viewport.intValue());
    }

    /** Whether an input takes no typing: read-only or disabled in the DOM. */
    private static boolean readOnly(WebElement input) {
        return "true".equals(input.getDomProperty("readOnly")) || "true".equals(input.getDomProperty("disabled"));
    }

    /** Opens the ballot on its page's form, everyone who votes present. */
    private static ResponseEntity<String> openBallot(WebSession secretary, String cycleId) {
        String page = secretary.get("/ballots/" + cycleId).getBody();
        Map<String, String> form = new LinkedHashMap<>();
        Matcher voter = Pattern.compile("name=\"a_([^\"]+)\" value=\"PRESENT\"").matcher(page);
        while (voter.find()) {
            form.put("a_" + voter.group(1), "PRESENT");
        }
        return secretary.post("/ballots/" + cycleId + "/open", form);
    }

    private String branchName() {
        return jdbc.sql("select name from party_branch where code = ?").param(BRANCH).query(String.class).single();
    }

    private List<String> unusedCodes(String cycleId) {
        return jdbc.sql("""
                select c.code from ballot_code c join ballot b on b.id = c.ballot_id
                where b.cycle_id = ? and b.status <> 'VOIDED' and c.state = 'UNUSED' order by c.code""")
                .param(cycleId).query(String.class).list();
    }

    /** A vote from another member's phone: the choices (member id → grade) posted as the review page does. */
    private ResponseEntity<String> cast(String code, Map<String, String> choices) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        choices.forEach((member, grade) -> form.add("m_" + member, grade));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.postForEntity("/ballot/" + code, new HttpEntity<>(form, headers), String.class);
    }
}
