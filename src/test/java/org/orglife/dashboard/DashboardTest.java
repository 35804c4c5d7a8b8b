package org.orglife.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.escalation.EscalationRecords;
import org.orglife.rating.Grade;
import org.orglife.rating.RatingRecords;
import org.orglife.rating.RatingRules;
import org.orglife.registry.Member;
import org.orglife.registry.MemberRepository;
import org.orglife.registry.RosterImport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dashboard over the demo township: sign-in, who sees which branches, one page at a time with the
 * charts over all of them, the filters, bad parameters, the archive page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class DashboardTest {

    static final int YEAR = 2041;

    @Autowired MockMvc mvc;
    @Autowired ReviewCycles reviewCycles;
    @Autowired ReviewCycleRepository cycles;
    @Autowired ProcessEngine engine;
    @Autowired MemberRepository members;
    @Autowired RatingRecords ratings;
    @Autowired EscalationRecords escalations;
    @Autowired RosterImport rosterImport;

    @BeforeEach
    void cyclesRun() {
        for (String code : new String[] {"DDG-01", "DDG-02", "DDG-10"}) {
            if (cycles.find(YEAR + "-" + code).isEmpty()) {
                reviewCycles.start(code, YEAR, Map.of());
            }
        }
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    /** Signed in as one of 大东沟镇's people, with their groups and their township (tenant), as the login gives them. */
    static RequestPostProcessor as(String id, String... groups) {
        List<org.springframework.security.core.GrantedAuthority> authorities = new java.util.ArrayList<>();
        java.util.Arrays.stream(groups).map(org.springframework.security.core.authority.SimpleGrantedAuthority::new)
                .forEach(authorities::add);
        authorities.add(new org.orglife.security.TenantAuthority("DDG"));
        return user(id).authorities(authorities);
    }

    String page(RequestPostProcessor who, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/dashboard").param("year", String.valueOf(YEAR));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    static final RequestPostProcessor SUPERVISOR = as("supervisor", "township-supervisors");
    static final RequestPostProcessor LIAISON1 = as("liaison1", "liaison-cadres");

    static String first(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    /** The chart's data as the page hands it to its script: a JSON block, which must parse as JSON. */
    static JsonNode chart(String html, String name) throws Exception {
        return new ObjectMapper().readTree(
                first(html, "(?s)<script type=\"application/json\" id=\"chart-data\">(.*?)</script>")).get(name);
    }

    static long sum(JsonNode chart) {
        long sum = 0;
        for (JsonNode value : chart.get("values")) {
            sum += value.asLong();
        }
        return sum;
    }

    /** "正式党员 N 名，优秀上限合计 C 名" as [N, C]. */
    static List<Long> capText(String html) {
        Matcher m = Pattern.compile("正式党员 (\\d+) 名，优秀上限合计 (\\d+) 名").matcher(html);
        assertThat(m.find()).isTrue();
        return List.of(Long.valueOf(m.group(1)), Long.valueOf(m.group(2)));
    }

    /** N and the summed caps ⌊N/3⌋ over the branches, by the rating rule in Java. */
    List<Long> expectedCap(String... codes) {
        long formal = 0;
        long cap = 0;
        for (String code : codes) {
            int n = (int) members.findByBranch(code).stream().filter(m -> m.isFormal() && !m.floatingIn()).count();
            formal += n;
            cap += RatingRules.excellentCap(n);
        }
        return List.of(formal, cap);
    }

    static final String[] ALL = {"DDG-01", "DDG-02", "DDG-03", "DDG-04", "DDG-05", "DDG-06", "DDG-07", "DDG-08",
        "DDG-09", "DDG-10"};

    long openSteps(String... codes) {
        long n = 0;
        for (String code : codes) {
            n += engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-" + code).count();
        }
        return n;
    }

    static List<String> notices(String html) {
        Matcher m = Pattern.compile("<p class=\"error\">([^<]+)</p>").matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static java.util.List<String> branches(String html) {
        Matcher m = Pattern.compile("data-branch=\"([^\"]+)\"").matcher(html);
        java.util.List<String> codes = new java.util.ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    @Test
    void peopleSignInWithTheirTasklistAccount() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(formLogin("/login").user("supervisor").password("demo")).andExpect(redirectedUrl("/dashboard"));
        mvc.perform(formLogin("/login").user("supervisor").password("wrong")).andExpect(redirectedUrl("/login?error"));
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString()).contains("用户名", "密码");
    }

    @Test
    void supervisorsSeeEveryBranchWithTheirStepsAndTheStatisticsDownload() throws Exception {
        String html = page(as("supervisor", "township-supervisors"));

        assertThat(branches(html)).hasSize(10);
        assertThat(html).contains("制定工作方案", "下载统计表", "chart-steps", "chart-grades", "/webjars/chart.js/");
        assertThat(html).contains("/camunda/app/cockpit/default/#/process-instance/");
        assertThat(html).as("the year's ballots, status and counts").contains("href=\"/ballots?year=" + YEAR + "\"");
    }

    @Test
    void aLiaisonCadreSeesOnlyTheirBranchesAndASecretaryOnlyTheirOwn() throws Exception {
        assertThat(branches(page(as("liaison1", "liaison-cadres"))))
                .containsExactlyInAnyOrder("DDG-01", "DDG-02", "DDG-07", "DDG-08", "DDG-09");
        String secretary = page(as("sec-DDG-01", "branch-secretaries", "branch-DDG-01"));
        assertThat(branches(secretary)).containsExactly("DDG-01");
        assertThat(secretary).doesNotContain("下载统计表");
    }

    @Test
    void theArchiveShowsWhatWasRecordedAsTextNeverAsMarkup() throws Exception {
        var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-DDG-10")
                .taskDefinitionKey("draftWorkPlan").singleResult();
        if (task != null) {
            engine.getFormService().submitTaskForm(task.getId(), Map.of("committeeMeetingOn", "2041-12-01",
                    "membersMeetingOn", "2041-12-02", "venue", "<script>alert('x')</script>会议室",
                    "studyTopics", "学习", "membersMeetingForm", "WHOLE"));
        }

        String html = mvc.perform(get("/dashboard/branches/DDG-10/reviews/" + YEAR)
                .with(as("office", "township-office"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("工作方案", "地点", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;会议室")
                .doesNotContain("<script>alert");
        assertThat(html).as("the audit trail is on the archive").contains("操作记录", "制定工作方案", "填报");
        mvc.perform(get("/dashboard/branches/DDG-10/reviews/" + YEAR).with(as("sec-DDG-01", "branch-DDG-01")))
                .andExpect(status().isNotFound());
    }

    /** Every value in the words the person chose it in: 党员大会, not WHOLE; 是, not true; 系统, not system. */
    @Test
    void theArchiveShowsNoRawValueOfAForm() throws Exception {
        var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-DDG-02")
                .taskDefinitionKey("draftWorkPlan").singleResult();
        if (task != null) {
            engine.getFormService().submitTaskForm(task.getId(), Map.of("committeeMeetingOn", "2041-12-01",
                    "membersMeetingOn", "2041-12-02", "venue", "会议室", "studyTopics", "学习",
                    "membersMeetingForm", "WHOLE"));
            var review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-DDG-02")
                    .taskDefinitionKey("reviewWorkPlan").singleResult();
            engine.getFormService().submitTaskForm(review.getId(), Map.of("planDecision", "APPROVE"));
        }

        String html = mvc.perform(get("/dashboard/branches/DDG-02/reviews/" + YEAR)
                .with(as("office", "township-office"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<td>([^<]*)</td>").matcher(html);
        while (m.find()) {
            cells.add(m.group(1));
        }
        assertThat(cells).contains("党员大会", "工作方案", "是", "系统")
                .noneMatch(cell -> cell.matches("[A-Z][A-Z_]+|true|false|system"));
    }

    @Test
    void theTownshipIsListedPageByPageWithTheChartsOverEveryBranch() throws Exception {
        String first = page(SUPERVISOR, "size", "3");
        String second = page(SUPERVISOR, "size", "3", "page", "2");
        String last = page(SUPERVISOR, "size", "3", "page", "4");

        assertThat(branches(first)).containsExactly("DDG-01", "DDG-02", "DDG-03");
        assertThat(branches(second)).as("the next branches by code").containsExactly("DDG-04", "DDG-05", "DDG-06");
        assertThat(branches(last)).containsExactly("DDG-10");
        assertThat(second).contains("第 2 / 4 页", "共 10 个支部", "上一页", "下一页")
                .contains("href=\"/dashboard?year=" + YEAR + "&amp;size=3&amp;page=1\"")
                .contains("href=\"/dashboard?year=" + YEAR + "&amp;size=3&amp;page=3\"");
        assertThat(first).doesNotContain("page=0").contains("第 1 / 4 页");
        assertThat(last).doesNotContain("page=5");
        // page 2 has no branch with a cycle of the year, yet its charts count every branch's steps
        for (String html : List.of(first, second, last)) {
            assertThat(sum(chart(html, "steps"))).isEqualTo(openSteps(ALL)).isPositive();
            assertThat(chart(html, "steps").get("labels").toString()).contains("制定工作方案");
            assertThat(capText(html)).isEqualTo(expectedCap(ALL));
        }
    }

    @Test
    void theListCanBeFilteredByCodeOrNameByStateAndByOverdueLevel() throws Exception {
        Task plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-DDG-01")
                .taskDefinitionKey("draftWorkPlan").singleResult();
        plan.setDueDate(Date.from(Instant.parse(YEAR + "-03-01T10:00:00Z")));
        engine.getTaskService().saveTask(plan);
        Task supervised = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-DDG-02")
                .taskDefinitionKey("draftWorkPlan").singleResult();
        escalations.escalate(new EscalationRecords.Step(supervised.getId(), YEAR + "-DDG-02", "DDG-02",
                "draftWorkPlan", supervised.getName(), Instant.parse(YEAR + "-03-01T10:00:00Z")), 2, Instant.now());
        TestClock.at(YEAR, 4, 1);

        assertThat(branches(page(SUPERVISOR, "q", "ddg-1"))).containsExactly("DDG-10");
        assertThat(branches(page(SUPERVISOR, "q", "西岭"))).containsExactly("DDG-02");
        assertThat(branches(page(SUPERVISOR, "q", "%"))).as("a literal percent sign").isEmpty();
        assertThat(page(SUPERVISOR, "q", "_")).contains("没有符合条件的支部", "共 0 个支部", "第 1 / 1 页");
        assertThat(branches(page(SUPERVISOR, "status", "running"))).containsExactly("DDG-01", "DDG-02", "DDG-10");
        assertThat(branches(page(SUPERVISOR, "status", "not-started")))
                .containsExactly("DDG-03", "DDG-04", "DDG-05", "DDG-06", "DDG-07", "DDG-08", "DDG-09");
        assertThat(branches(page(SUPERVISOR, "overdue", "1"))).as("past its due date").containsExactly("DDG-01");
        assertThat(branches(page(SUPERVISOR, "overdue", "2"))).as("supervised").containsExactly("DDG-02");
        String filtered = page(SUPERVISOR, "overdue", "1", "size", "3");
        assertThat(filtered).contains("共 1 个支部", "清除筛选", "selected=\"selected\">只看逾期</option>");
        assertThat(sum(chart(filtered, "steps"))).as("charts are not filtered").isEqualTo(openSteps(ALL));
        assertThat(capText(filtered)).isEqualTo(expectedCap(ALL));
        assertThat(branches(page(LIAISON1, "status", "running"))).as("filters stay within the person's branches")
                .containsExactly("DDG-01", "DDG-02");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "page | -1 | 页码「-1」无效，已显示第 1 页",
        "page | abc | 页码「abc」无效，已显示第 1 页",
        "page | 99999 | 共 1 页，已显示第 1 页",
        "page | 99999999999999999999 | 无效，已显示第 1 页",
        "size | 0 | 每页条数「0」无效，已按每页 50 个支部显示",
        "size | 100000 | 每页最多显示 200 个支部",
        "size | 二十 | 每页条数「二十」无效",
        "status | done | 状态「done」无效，已显示全部状态",
        "overdue | 3 | 逾期筛选「3」无效，已显示全部支部",
        "year | 二〇四一 | 年度「二〇四一」无效，已显示"})
    void badParametersGetAChineseNoticeAndTheFirstPageNeverAnError(String name, String value, String notice)
            throws Exception {
        String html = name.equals("year")
                ? mvc.perform(get("/dashboard").param("year", value).with(SUPERVISOR)).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString()
                : page(SUPERVISOR, name, value);

        assertThat(notices(html)).anySatisfy(n -> assertThat(n).contains(notice));
        assertThat(branches(html)).isNotEmpty();
    }

    @Test
    void aLiaisonCadrePagesThroughTheirBranchesOnlyWithChartsOverThem() throws Exception {
        String last = page(LIAISON1, "size", "2", "page", "3");

        assertThat(branches(last)).containsExactly("DDG-09");
        assertThat(last).contains("第 3 / 3 页", "共 5 个支部");
        assertThat(branches(page(LIAISON1, "q", "DDG-1"))).as("DDG-10 is not theirs").isEmpty();
        assertThat(sum(chart(last, "steps"))).isEqualTo(openSteps("DDG-01", "DDG-02", "DDG-07", "DDG-08", "DDG-09"));
        assertThat(capText(last)).isEqualTo(expectedCap("DDG-01", "DDG-02", "DDG-07", "DDG-08", "DDG-09"));
        assertThat(branches(page(as("sec-DDG-01", "branch-secretaries", "branch-DDG-01"), "page", "2")))
                .as("a page past the end shows the last").containsExactly("DDG-01");
    }

    @Test
    void theGradeChartCountsTheLatestRatingsOfEveryCycle() throws Exception {
        List<Member> formal = members.findByBranch("DDG-10").stream().filter(Member::isFormal).limit(3).toList();
        ratings.saveRatings(YEAR + "-DDG-10", formal.stream().map(m -> new RatingRecords.Rating(m.id(),
                Grade.EXCELLENT, "测试", true)).toList(), "office", Instant.now());
        ratings.saveRatings(YEAR + "-DDG-10", List.of(
                new RatingRecords.Rating(formal.get(0).id(), Grade.EXCELLENT, "测试", true),
                new RatingRecords.Rating(formal.get(1).id(), Grade.QUALIFIED, "测试", true),
                new RatingRecords.Rating(formal.get(2).id(), Grade.BASICALLY_QUALIFIED, "测试", true)),
                "office", Instant.now());

        JsonNode township = chart(page(SUPERVISOR, "page", "1", "size", "1"), "grades");
        assertThat(township.get("labels").toString()).isEqualTo("[\"优秀\",\"合格\",\"基本合格\",\"不合格\"]");
        assertThat(township.get("values").toString()).as("the second rating replaced the first").isEqualTo("[1,1,1,0]");
        assertThat(chart(page(LIAISON1), "grades").get("values").toString()).as("DDG-10 is not liaison1's")
                .isEqualTo("[0,0,0,0]");
    }

    @Test
    void theTownshipsMemberTotalsFollowARosterImport() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("examples/roster/members.csv"), StandardCharsets.UTF_8);
        String original = lines.stream().filter(l -> l.startsWith("DDG01-002,")).findFirst().orElseThrow();
        assertThat(original).contains(",正式,");
        List<Long> before = capText(page(SUPERVISOR));
        try {
            importMembers(lines.get(0), original.replace(",正式,", ",预备,"));

            List<Long> after = capText(page(SUPERVISOR));
            assertThat(after.get(0)).isEqualTo(before.get(0) - 1);
            assertThat(after).isEqualTo(expectedCap(ALL));
        } finally {
            importMembers(lines.get(0), original);
        }
        assertThat(capText(page(SUPERVISOR))).isEqualTo(before);
    }

    private void importMembers(String header, String line) {
        rosterImport.importRoster(List.of(new RosterImport.RosterFile("members.csv",
                (header + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8))));
    }
}
