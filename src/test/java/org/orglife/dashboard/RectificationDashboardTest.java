package org.orglife.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orglife.cycle.FollowUpFixture;
import org.orglife.security.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard's rectification follow-up ({@code /dashboard/rectification}) over HTTP, signed in: the
 * lagging branches first, the figures as of today, each person's branches only, the year shown by default,
 * and bad parameters refused in Chinese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class RectificationDashboardTest {

    static final String PAGE = "/dashboard/rectification";

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;

    FollowUpFixture fixture;

    @BeforeEach
    void filedListsInEveryState() {
        fixture = new FollowUpFixture(jdbc);
        fixture.plant();
    }

    @AfterEach
    void removed() {
        fixture.clear();
    }

    /** The branches' rows in the page's order: code → items, 已销号, 未销号, 逾期, 整改不到位 as shown. */
    static Map<String, List<String>> rows(String html) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?s)<tr data-branch=\"([^\"]+)\">(.*?)</tr>").matcher(html);
        while (row.find()) {
            Matcher cell = Pattern.compile("(?s)<td data-label[^>]*>(.*?)</td>").matcher(row.group(2));
            List<String> cells = new ArrayList<>();
            while (cell.find()) {
                cells.add(cell.group(1).strip());
            }
            rows.put(row.group(1), cells);
        }
        return rows;
    }

    String page(String person, String query) {
        ResponseEntity<String> page = WebSession.signIn(http, person).get(PAGE + query);
        assertThat(page.getStatusCode()).as(person + " " + query).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    @Test
    void theLaggingBranchesComeFirstMostOverdueThenMostOpen() {
        String late = page("office", "?year=2074");
        String current = page("office", "?year=2075");

        assertThat(rows(late)).as("DDG-03 has two items overdue, DDG-02 one").containsExactly(
                Map.entry("DDG-03", List.of("2", "0", "2", "2", "0")),
                Map.entry("DDG-02", List.of("3", "1", "2", "1", "1")));
        assertThat(rows(current)).as("none overdue: DDG-03 has two items open, DDG-02 one").containsExactly(
                Map.entry("DDG-03", List.of("2", "0", "2", "0", "0")),
                Map.entry("DDG-02", List.of("2", "1", "1", "0", "0")));
        assertThat(late).contains("截至 2076-02-10：已备案支部 2 个，整改事项 5 项，已销号 1 项，未销号 4 项，逾期未销号 3 项，整改不到位退回 1 项")
                .contains("href=\"/rectification/2074-DDG-03\"", "href=\"/rectification/2074-DDG-02\"")
                .containsPattern("<td data-label=\"逾期\" class=\"overdue level-1\">2</td>");
        assertThat(current).contains("<td data-label=\"逾期\" class=\"overdue\">0</td>").doesNotContain("level-1")
                .contains("class=\"cards-on-phone\"", "name=\"viewport\"");
    }

    @Test
    void eachPersonSeesTheirOwnBranchesOnly() {
        assertThat(rows(page("sec-DDG-02", "?year=2074")).keySet()).containsExactly("DDG-02");
        assertThat(rows(page("sec-DDG-03", "?year=2074")).keySet()).containsExactly("DDG-03");
        String other = page("sec-DDG-01", "?year=2074");
        assertThat(rows(other)).isEmpty();
        assertThat(other).contains("本年度没有已备案的整改清单", "已备案支部 0 个").doesNotContain("DDG-02", "DDG-03", "西岭村");
        assertThat(rows(page("liaison1", "?year=2074")).keySet()).containsExactly("DDG-02");
        assertThat(rows(page("liaison2", "?year=2074")).keySet()).containsExactly("DDG-03");
        assertThat(rows(page("supervisor", "?year=2074")).keySet()).containsExactly("DDG-03", "DDG-02");
        assertThat(rows(page("county", "?year=2074")).keySet()).containsExactly("DDG-03", "DDG-02");
        assertThat(rows(page("office-ncz", "?year=2074"))).as("another township's office").isEmpty();
    }

    @Test
    void withoutAYearItShowsTheLatestYearFollowedAmongThePersonsBranches() {
        assertThat(page("office", "")).contains("<h1>2075年度整改清单销号情况</h1>");
        // DDG-02's 2075 list as one filed before the follow-up existed: nothing follows it
        jdbc.sql("update rectification_item set state = null, due_on = null, done = false where cycle_id = '2075-DDG-02'")
                .update();

        String secretary = page("sec-DDG-02", "");
        String office = page("office", "");

        assertThat(secretary).contains("<h1>2074年度整改清单销号情况</h1>");
        assertThat(rows(secretary)).containsOnlyKeys("DDG-02");
        assertThat(office).contains("<h1>2075年度整改清单销号情况</h1>");
        assertThat(rows(office)).as("a list nothing follows comes last").containsExactly(
                Map.entry("DDG-03", List.of("2", "0", "2", "0", "0")),
                Map.entry("DDG-02", List.of("未跟踪销号", "—", "—", "—", "—")));
        assertThat(page("sec-DDG-02", "?year=2075")).contains("selected=\"selected\">2075</option>",
                "<option value=\"2074\">2074</option>");
    }

    @Test
    void theDashboardLinksToIt() {
        assertThat(WebSession.signIn(http, "sec-DDG-02").get("/dashboard").getBody())
                .contains("href=\"/dashboard/rectification\"");
        ResponseEntity<String> anonymous = http.getForEntity(PAGE, String.class);
        assertThat(anonymous.getBody() == null ? "" : anonymous.getBody()).as("nobody signed in is sent to sign in")
                .doesNotContain("DDG-02");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "?year=abc | 年度「abc」无效，应为 2000–2100 之间的年份",
        "?year=99999 | 年度「99999」无效，应为 2000–2100 之间的年份",
        "?year=1999 | 年度「1999」无效",
        "?year=2074.5 | 年度「2074.5」无效",
        "?year=99999999999999999999 | 无效，应为 2000–2100 之间的年份",
        "?page=0 | 页码「0」无效，应为从 1 起的整数",
        "?page=abc | 页码「abc」无效",
        "?year=2074&page=2 | 第 2 页不存在：共 1 页"})
    void badParametersAreRefusedWithAChineseReason(String query, String reason) {
        ResponseEntity<String> page = WebSession.signIn(http, "office").get(PAGE + query);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains(reason).doesNotContain("data-branch");
    }
}
