package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.rectification.RectificationRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Several hundred generated bad inputs against every {@code /api} endpoint and against task
 * completions through the engine REST API: each gets a 4xx with a Chinese message, and the row
 * counts of our tables and of the engine's runtime tasks, variables and executions stay as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class BadInputTest {

    static final int YEAR = 2053;
    static final String VALID_CAMPAIGN = """
            {"year":2060,"planDueBy":"2061-02-22","meetingsDueBy":"2061-02-28","statisticsDueBy":"2061-03-05",\
            "publicityWorkingDays":5,"spotCheckShare":0.2}""";

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired ReviewCycleRepository cycles;
    @Autowired RectificationRecords rectification;

    private String countQuery;

    record BadInput(String what, Supplier<ResponseEntity<String>> send) {
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @BeforeEach
    void restTalksToThisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
        for (String code : new String[] {"DDG-04", "DDG-05", "DDG-06"}) {
            if (cycles.find(YEAR + "-" + code).isEmpty()) {
                reviewCycles.start(code, YEAR, Map.of());
            }
        }
        Task plan = task("DDG-05", "draftWorkPlan");
        if (plan != null) {
            engine.getFormService().submitTaskForm(plan.getId(), plan());
            engine.getFormService().submitTaskForm(task("DDG-05", "reviewWorkPlan").getId(),
                    Map.of("planDecision", "APPROVE"));
        }
    }

    @Test
    void everyBadCampaignLaunchIsRefusedInChineseAndWritesNothing() {
        List<BadInput> inputs = new ArrayList<>();
        for (int length = 0; length < VALID_CAMPAIGN.length(); length += 2) {
            String prefix = VALID_CAMPAIGN.substring(0, length);
            inputs.add(campaign("truncated at " + length, prefix));
        }
        for (String malformed : List.of("null", "[]", "123", "\"x\"", "{year:2060}", "{'year':2060}",
                "{\"year\":2060,}", "<campaign year=\"2060\"/>", "{\"year\":2060}}", "\u0000")) {
            inputs.add(campaign("malformed " + malformed, malformed));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("year", "2060");
        fields.put("planDueBy", "\"2061-02-22\"");
        fields.put("meetingsDueBy", "\"2061-02-28\"");
        fields.put("statisticsDueBy", "\"2061-03-05\"");
        fields.put("publicityWorkingDays", "5");
        fields.put("spotCheckShare", "0.2");
        for (String field : fields.keySet()) {
            for (String wrong : List.of("\"abc\"", "true", "[]", "{}", "\"2061-13-45\"", "-1", "1.5",
                    "99999999999999999999999", "\"<script>alert(1)</script>\"")) {
                if (wrong.equals("1.5") && field.equals("spotCheckShare")) {
                    continue;
                }
                inputs.add(campaign(field + "=" + wrong, body(fields, field, wrong)));
            }
        }
        List<String> required = List.of("year", "planDueBy", "meetingsDueBy", "statisticsDueBy");
        for (int mask = 1; mask < 1 << required.size(); mask++) {
            Map<String, String> rest = new LinkedHashMap<>(fields);
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < required.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    rest.remove(required.get(i));
                    missing.add(required.get(i));
                }
            }
            inputs.add(campaign("without " + missing, body(rest, null, null)));
        }
        for (String date : List.of("\"1999-02-22\"", "\"2200-02-22\"", "\"0001-01-01\"", "\"9999-12-31\"",
                "\"2059-12-31\"", "\"2062-01-01\"")) {
            for (String field : List.of("planDueBy", "meetingsDueBy", "statisticsDueBy")) {
                inputs.add(campaign(field + " out of range " + date, body(fields, field, date)));
            }
        }
        inputs.add(campaign("deadlines in the wrong order", body(fields, "planDueBy", "\"2061-03-04\"")));
        for (String year : List.of("0", "1999", "2101", "-5", "2147483647")) {
            inputs.add(campaign("year " + year, body(fields, "year", year)));
        }
        inputs.add(campaign("huge number", body(fields, "year", "9".repeat(2_000_000))));
        inputs.add(campaign("huge date", body(fields, "planDueBy", "\"" + "2".repeat(2_000_000) + "\"")));
        inputs.add(campaign("deep nesting", "[".repeat(5000) + "]".repeat(5000)));
        inputs.add(new BadInput("campaign as plain text", () -> send("office", HttpMethod.POST, "/api/campaigns",
                MediaType.TEXT_PLAIN, VALID_CAMPAIGN)));

        assertEachRefused(inputs);
    }

    @Test
    void everyBadRosterUploadIsRefusedInChineseAndWritesNothing() throws Exception {
        byte[] members = Files.readAllBytes(Path.of("examples/roster/members.csv"));
        byte[] workbook = Files.readAllBytes(Path.of("examples/roster/roster.xlsx"));
        String csv = new String(members, StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        List<BadInput> inputs = new ArrayList<>();
        inputs.add(upload("empty file", "members.csv", new byte[0]));
        inputs.add(upload("binary garbage", "members.csv", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 3}));
        inputs.add(upload("csv named xlsx", "roster.xlsx", members));
        inputs.add(upload("header only, unknown", "members.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)));
        inputs.add(upload("image", "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}));
        // (a workbook missing only its last bytes still reads: POI finds the entries it needs)
        for (int cut : new int[] {10, 100, 1000, 5000, workbook.length / 3, workbook.length / 2}) {
            inputs.add(upload("workbook cut at " + cut, "roster.xlsx", java.util.Arrays.copyOf(workbook, cut)));
        }
        Map<Integer, List<String>> badCells = Map.of(
                1, List.of("DDG-77", "", "<script>"),
                4, List.of("未知", "X"),
                5, List.of("abc", "1800", "3000"),
                6, List.of("2099-99-99", "昨天"),
                7, List.of("临时"),
                17, List.of("开除"));
        for (int row = 1; row <= 5; row++) {
            for (var cell : badCells.entrySet()) {
                for (String value : cell.getValue()) {
                    String[] columns = lines.get(row).split(",", -1);
                    columns[cell.getKey()] = value;
                    List<String> changed = new ArrayList<>(lines);
                    changed.set(row, String.join(",", columns));
                    inputs.add(upload("row " + row + " column " + cell.getKey() + " = " + value, "members.csv",
                            String.join("\n", changed).getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        // text a spreadsheet would run as a formula, in a name: quoted, so that commas and line ends stay in the cell
        for (String formula : List.of("=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-1+1",
                "=HYPERLINK(\"http://example.org\",\"点击\")", "\t=1+1", "\r=1+1")) {
            String[] columns = lines.get(2).split(",", -1);
            columns[3] = "\"" + formula.replace("\"", "\"\"") + "\"";
            List<String> changed = new ArrayList<>(lines);
            changed.set(2, String.join(",", columns));
            inputs.add(upload("name " + formula, "members.csv", String.join("\n", changed).getBytes(StandardCharsets.UTF_8)));
        }
        inputs.add(upload("a formula cell in a workbook", "roster.xlsx", withFormula(workbook)));
        for (String row : List.of("NOPE-1,转出,2026-11-01", "DDG03-006,开除,2026-11-01", "DDG03-006,转出,2999-01-01",
                "DDG03-006,转出,1900-01-01", "DDG03-006,转出,", ",转出,2026-11-01", "DDG03-006,转出,2026-13-45")) {
            inputs.add(upload("党员减少表 " + row, "departures.csv",
                    ("党员编号,减少方式,减少日期\n" + row + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        inputs.add(upload("党员减少表 without its date column", "departures.csv",
                "党员编号,减少方式\nDDG03-006,转出\n".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new BadInput("preview with no file part", () -> send("office", HttpMethod.POST, "/api/roster/preview",
                MediaType.MULTIPART_FORM_DATA, new LinkedMultiValueMap<String, Object>())));
        inputs.add(new BadInput("no file part", () -> send("office", HttpMethod.POST, "/api/roster",
                MediaType.MULTIPART_FORM_DATA, new LinkedMultiValueMap<String, Object>())));
        inputs.add(new BadInput("not multipart", () -> send("office", HttpMethod.POST, "/api/roster",
                MediaType.APPLICATION_JSON, "{}")));

        assertEachRefused(inputs);
    }

    @Test
    void unknownIdsAreAnsweredInChineseEverywhere() {
        List<BadInput> inputs = new ArrayList<>();
        for (String id : List.of("NOPE", "DDG-99", "' or 1=1--", "..%2F..%2Fetc%2Fpasswd", "x".repeat(3000), "党支部",
                "%00", "DDG-01;drop table party_member")) {
            for (String path : List.of("/api/branches/{id}", "/api/branches/{id}/members",
                    "/api/branches/{id}/reviews/2021", "/api/campaigns/{id}", "/api/campaigns/{id}/progress",
                    "/api/campaigns/{id}/statistics.xlsx", "/api/branches/DDG-01/reviews/{id}")) {
                for (String person : List.of("office", "sec-DDG-01")) {
                    inputs.add(new BadInput(person + " GET " + path + " " + id, () -> http.withBasicAuth(person, "demo")
                            .exchange(path, HttpMethod.GET, null, String.class, Map.of("id", id))));
                }
            }
            for (String action : List.of("unclaim", "claim", "assignee")) {
                inputs.add(new BadInput(action + " task " + id, () -> send("sec-DDG-01", HttpMethod.POST,
                        "/engine-rest/task/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                                + "/" + action, MediaType.APPLICATION_JSON, "{\"userId\":\"sec-DDG-01\"}")));
            }
            inputs.add(new BadInput("read notification " + id, () -> http.withBasicAuth("office", "demo")
                    .exchange("/api/notifications/{id}/read", HttpMethod.POST, null, String.class, Map.of("id", id))));
        }
        for (String year : List.of("1888", "0", "-1", "2999")) {
            for (String path : List.of("/api/campaigns/" + year, "/api/campaigns/" + year + "/progress",
                    "/api/campaigns/" + year + "/statistics.xlsx", "/api/branches/DDG-01/reviews/" + year)) {
                inputs.add(new BadInput("GET " + path, () -> send("office", HttpMethod.GET, path, null, null)));
            }
        }
        inputs.add(new BadInput("read someone else's notification", () -> send("office", HttpMethod.POST,
                "/api/notifications/999999/read", null, null)));
        inputs.add(new BadInput("no such address", () -> send("office", HttpMethod.GET, "/api/nothing-here", null, null)));
        for (String paging : List.of("page=-1", "size=0", "size=100000", "page=abc", "size=1.5", "page=99999999999")) {
            for (String list : List.of("/api/branches", "/api/campaigns/2021/progress")) {
                inputs.add(new BadInput("GET " + list + "?" + paging, () -> send("office", HttpMethod.GET,
                        list + "?" + paging, null, null)));
            }
        }
        inputs.add(new BadInput("start a cycle of an unknown branch", () -> send("office", HttpMethod.POST,
                "/api/branches/NOPE/reviews/2054", null, null)));
        inputs.add(new BadInput("start a cycle twice", () -> send("office", HttpMethod.POST,
                "/api/branches/DDG-04/reviews/" + YEAR, null, null)));
        inputs.add(new BadInput("start a cycle for year 3000", () -> send("office", HttpMethod.POST,
                "/api/branches/DDG-04/reviews/3000", null, null)));

        assertEachRefused(inputs);
    }

    @Test
    void everyBadTaskSubmissionIsRefusedInChineseAndWritesNothing() {
        String plan = task("DDG-04", "draftWorkPlan").getId();
        String study = task("DDG-05", "organizeStudy").getId();
        List<BadInput> inputs = new ArrayList<>();
        Map<String, String> valid = new LinkedHashMap<>();
        plan().forEach((k, v) -> valid.put(k, "{\"value\":\"" + v + "\"}"));
        // the meeting form is pre-filled (WHOLE), so leaving it out alone is a complete plan
        List<String> required = List.of("committeeMeetingOn", "membersMeetingOn", "venue", "studyTopics");
        for (int mask = 1; mask < 1 << required.size(); mask++) {
            Map<String, String> rest = new LinkedHashMap<>(valid);
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < required.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    rest.remove(required.get(i));
                    missing.add(required.get(i));
                }
            }
            inputs.add(submit("plan without " + missing, "sec-DDG-04", plan, rest));
            Map<String, String> blank = new LinkedHashMap<>(valid);
            missing.forEach(field -> blank.put(field, "{\"value\":null}"));
            inputs.add(submit("plan with blank " + missing, "sec-DDG-04", plan, blank));
        }
        for (String field : valid.keySet()) {
            List<String> wrongs = new ArrayList<>(List.of("{\"value\":\"abc\",\"type\":\"Integer\"}",
                    "{\"value\":123,\"type\":\"Integer\"}", "{\"value\":true,\"type\":\"Boolean\"}",
                    "{\"value\":\"[1,2]\",\"type\":\"Json\"}", "{\"value\":null}", "{\"value\":\"\"}",
                    "{\"value\":\"   \"}", "{\"value\":\"x\",\"type\":\"NoSuchType\"}"));
            if (field.endsWith("On")) {
                wrongs.addAll(List.of("{\"value\":\"not-a-date\"}", "{\"value\":\"2053-02-30\"}"));
            }
            if (field.equals("membersMeetingForm")) {
                wrongs.add("{\"value\":\"NOPE\"}");
            }
            for (String wrong : wrongs) {
                Map<String, String> changed = new LinkedHashMap<>(valid);
                changed.put(field, wrong);
                inputs.add(submit("plan " + field + "=" + wrong, "sec-DDG-04", plan, changed));
            }
        }
        for (String date : List.of("1999-01-01", "2100-01-01", "2058-06-01", "0001-01-01")) {
            for (String field : List.of("committeeMeetingOn", "membersMeetingOn")) {
                Map<String, String> changed = new LinkedHashMap<>(valid);
                changed.put(field, "{\"value\":\"" + date + "\"}");
                inputs.add(submit("plan " + field + " " + date, "sec-DDG-04", plan, changed));
            }
        }
        Map<String, String> long1 = new LinkedHashMap<>(valid);
        long1.put("venue", "{\"value\":\"" + "会".repeat(201) + "\"}");
        inputs.add(submit("venue too long", "sec-DDG-04", plan, long1));
        Map<String, String> long2 = new LinkedHashMap<>(valid);
        long2.put("studyTopics", "{\"value\":\"" + "学".repeat(100_000) + "\"}");
        inputs.add(submit("topics far too long", "sec-DDG-04", plan, long2));
        String validBody = "{\"variables\":{\"venue\":{\"value\":\"会议室\"}}}";
        for (int length = 0; length < validBody.length(); length += 3) {
            String prefix = validBody.substring(0, length);
            inputs.add(new BadInput("submit truncated at " + length, () -> send("sec-DDG-04", HttpMethod.POST,
                    "/engine-rest/task/" + plan + "/submit-form", MediaType.APPLICATION_JSON, prefix)));
        }
        for (String member : List.of("NOPE", "DDG01-001", "", "<script>alert(1)</script>")) {
            Map<String, String> attendance = studyWith("[{\\\"memberId\\\":\\\"" + member
                    + "\\\",\\\"present\\\":true}]");
            inputs.add(submit("study with member " + member, "sec-DDG-05", study, attendance));
        }
        for (String list : List.of("{}", "\\\"abc\\\"", "42", "[1,2,3]", "[{\\\"present\\\":true}]")) {
            inputs.add(submit("study attendance " + list, "sec-DDG-05", study, studyWith(list)));
        }
        // the secretary's own plan: taken for someone else, assigned with a body that is not one
        for (String body : List.of("{\"userId\":\"sec-DDG-05\"}", "{\"userId\":\"nobody\"}", "{\"userId\":",
                "[1,2]", "{\"userId\":42}")) {
            inputs.add(new BadInput("claim own plan with " + body, () -> send("sec-DDG-04", HttpMethod.POST,
                    "/engine-rest/task/" + plan + "/claim", MediaType.APPLICATION_JSON, body)));
            inputs.add(new BadInput("assign own plan with " + body, () -> send("sec-DDG-04", HttpMethod.POST,
                    "/engine-rest/task/" + plan + "/assignee", MediaType.APPLICATION_JSON, body)));
        }
        inputs.add(new BadInput("submit to an unknown task", () -> send("sec-DDG-04", HttpMethod.POST,
                "/engine-rest/task/no-such-task/submit-form", MediaType.APPLICATION_JSON, "{\"variables\":{}}")));

        assertEachRefused(inputs);
        assertThat(task("DDG-04", "draftWorkPlan")).as("the plan is still to do").isNotNull();
        assertThat(task("DDG-04", "draftWorkPlan").getAssignee()).as("still the secretary's").isEqualTo("sec-DDG-04");
        assertThat(task("DDG-05", "organizeStudy")).as("the study is still to do").isNotNull();
    }

    /**
     * 整改销号 (issue 20): the secretary's 销号 and the liaison cadre's confirmation submitted through REST,
     * and the office's 整改不到位 posted to the page, each with what a person gets wrong or may not do;
     * DDG-07's list of 2076, filed: item 1 confirmed, item 2 marked done, item 3 open.
     */
    @Test
    void everyBadFollowUpInputIsRefusedInChineseAndWritesNothing() {
        TestClock.at(2077, 2, 21);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-07", 2076).jumpTo("reviewFiling");
        rectification.savePlan(cycle.businessKey, List.of(
                new RectificationRecords.Item(1, null, "学习不够", "每月学习", LocalDate.of(2077, 4, 30), "书记", false),
                new RectificationRecords.Item(2, null, "台账不全", "补齐台账", LocalDate.of(2077, 5, 31), "委员", false),
                new RectificationRecords.Item(3, null, "走访不够", "走访群众", LocalDate.of(2077, 6, 30), "委员", false)),
                List.of());
        cycle.complete("reviewFiling", Map.of("filingDecision", "ACCEPT"));
        String key = cycle.businessKey + "-rectification";
        java.util.function.BiFunction<String, Integer, String> task = (taskKey, seq) -> engine.getTaskService()
                .createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(taskKey).list().stream()
                .filter(t -> t.getName().contains("第" + seq + "项")).findFirst().orElseThrow().getId();
        engine.getFormService().submitTaskForm(task.apply("markItemDone", 1), Map.of("doneNote", "已学习"));
        engine.getFormService().submitTaskForm(task.apply("confirmItem", 1), Map.of("confirmDecision", "CONFIRM"));
        engine.getFormService().submitTaskForm(task.apply("markItemDone", 2), Map.of("doneNote", "已补齐"));
        String confirm = task.apply("confirmItem", 2);
        String mark = task.apply("markItemDone", 3);
        String reopen = "/rectification/" + cycle.businessKey + "/items/1/reopen";
        String reason = "{\"value\":\"RETURN\"}";
        TestClock.at(2077, 6, 1);

        List<BadInput> inputs = new ArrayList<>();
        for (Map<String, String> variables : List.<Map<String, String>>of(Map.of(),
                Map.of("confirmDecision", "{\"value\":null}"), Map.of("confirmDecision", "{\"value\":\"MAYBE\"}"),
                Map.of("confirmDecision", "{\"value\":\"确认\"}"), Map.of("confirmDecision", reason),
                Map.of("confirmDecision", reason, "confirmReturnReason", "{\"value\":\"   \"}"),
                Map.of("confirmDecision", reason, "confirmReturnReason", "{\"value\":\"" + "退".repeat(501) + "\"}"),
                Map.of("confirmDecision", "{\"value\":true,\"type\":\"Boolean\"}"),
                Map.of("confirmDecision", "{\"value\":\"[1]\",\"type\":\"Json\"}"))) {
            inputs.add(submit("confirm " + variables, "liaison2", confirm, variables));
        }
        for (String person : List.of("sec-DDG-07", "sec-DDG-04", "office-ncz")) {
            inputs.add(submit("confirm by " + person, person, confirm, Map.of("confirmDecision", "{\"value\":\"CONFIRM\"}")));
        }
        for (Map<String, String> variables : List.<Map<String, String>>of(Map.of(),
                Map.of("doneNote", "{\"value\":null}"), Map.of("doneNote", "{\"value\":\"   \"}"),
                Map.of("doneNote", "{\"value\":\"" + "做".repeat(501) + "\"}"),
                Map.of("doneNote", "{\"value\":42,\"type\":\"Integer\"}"))) {
            inputs.add(submit("mark done " + variables, "sec-DDG-07", mark, variables));
        }
        for (String person : List.of("liaison2", "sec-DDG-04", "office-ncz")) {
            inputs.add(submit("mark done by " + person, person, mark, Map.of("doneNote", "{\"value\":\"已走访\"}")));
        }
        for (Map<String, String> form : List.<Map<String, String>>of(Map.of(), Map.of("reason", "", "deadline", "2077-07-31"),
                Map.of("reason", "   ", "deadline", "2077-07-31"), Map.of("reason", "敷衍".repeat(251), "deadline", "2077-07-31"),
                Map.of("reason", "敷衍", "deadline", ""), Map.of("reason", "敷衍", "deadline", "not-a-date"),
                Map.of("reason", "敷衍", "deadline", "2077-02-30"), Map.of("reason", "敷衍", "deadline", "2077-06-01"),
                Map.of("reason", "敷衍", "deadline", "2077-05-01"), Map.of("reason", "敷衍", "deadline", "2079-01-01"),
                Map.of("reason", "敷衍", "deadline", "<script>"))) {
            inputs.add(new BadInput("reopen " + form, () -> WebSession.signIn(http, "office").post(reopen, form)));
        }
        for (String person : List.of("sec-DDG-07", "liaison2", "sec-DDG-04", "office-ncz")) {
            inputs.add(new BadInput("reopen by " + person, () -> WebSession.signIn(http, person)
                    .post(reopen, Map.of("reason", "敷衍", "deadline", "2077-07-31"))));
        }
        for (String seq : List.of("2", "3", "4", "0", "-1", "abc", "99999999999")) {
            inputs.add(new BadInput("reopen item " + seq, () -> WebSession.signIn(http, "office").post(
                    "/rectification/" + cycle.businessKey + "/items/" + seq + "/reopen",
                    Map.of("reason", "敷衍", "deadline", "2077-07-31"))));
        }
        inputs.add(new BadInput("reopen in an unknown cycle", () -> WebSession.signIn(http, "office").post(
                "/rectification/2076-NOPE/items/1/reopen", Map.of("reason", "敷衍", "deadline", "2077-07-31"))));
        inputs.add(new BadInput("the page of an unknown cycle", () -> WebSession.signIn(http, "office")
                .get("/rectification/2076-NOPE")));
        inputs.add(new BadInput("the page for another township", () -> WebSession.signIn(http, "office-ncz")
                .get("/rectification/" + cycle.businessKey)));

        assertEachRefused(inputs, 40);
        assertThat(jdbc.sql("select state from rectification_item where cycle_id = ? order by seq").param(cycle.businessKey)
                .query(String.class).list()).containsExactly("CONFIRMED", "MARKED", "OPEN");
    }

    /**
     * Requests that are the client's mistake, never the server's: paths not written plainly (which
     * reach no filter or servlet), Java-serialized and other objects as variables, oversized uploads
     * and query bodies, variables read of a task that is not there, and what the servlet container
     * refuses itself. Each is a 4xx in Chinese, writes nothing, and leaves no ERROR in the log.
     */
    @Test
    void requestsThatAreTheClientsMistakeAreAnsweredInChineseAndLogNoError(CapturedOutput output) throws Exception {
        String study = task("DDG-05", "organizeStudy").getId();
        List<BadInput> inputs = new ArrayList<>();
        for (String path : List.of("//camunda/app/admin/default/", "/camunda//api/admin/auth/user/default",
                "//camunda/api/admin/setup/default/user/create", "/camunda/api/admin/setup/default;x/user/create",
                "/camunda/api/engine/engine/default%2ftask", "/engine-rest//task", "/engine-rest/task;x=1",
                "/engine-rest/task%2fcount", "/engine-rest/%2e%2e/api/branches", "/engine-rest/./task",
                "/api/../engine-rest/task", "/..;/engine-rest/task", "/%", "/%zz", "/a\\b", "/api/branches%00",
                "/engine-rest/task%252fcount", "/dashboard/%2e%2e/login")) {
            for (String method : List.of("GET", "POST")) {
                inputs.add(new BadInput(method + " " + path, () -> raw(method, path)));
            }
        }
        String serialized = "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAx3"
                + "CAAAABAAAAAAeA==";
        Map<String, String> javaObject = Map.of("studyTopics", "{\"type\":\"Object\",\"value\":\"" + serialized
                + "\",\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
                + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}");
        Map<String, String> jsonObject = Map.of("studyTopics", "{\"type\":\"Object\",\"value\":\"{}\","
                + "\"valueInfo\":{\"objectTypeName\":\"java.net.URL\",\"serializationDataFormat\":\"application/json\"}}");
        inputs.add(submit("a Java-serialized object in a form", "sec-DDG-05", study, javaObject));
        inputs.add(submit("a JSON object naming a class in a form", "sec-DDG-05", study, jsonObject));
        inputs.add(new BadInput("a Java-serialized object starting a process", () -> send("office", HttpMethod.POST,
                "/engine-rest/process-definition/key/unqualified-member-disposition/start", MediaType.APPLICATION_JSON,
                "{\"variables\":{\"x\":" + javaObject.get("studyTopics") + "}}")));
        inputs.add(upload("over the size limit", "members.csv", new byte[11 * 1024 * 1024]));
        inputs.add(new BadInput("a query body over the limit", () -> send("sec-DDG-05", HttpMethod.POST,
                "/engine-rest/task", MediaType.APPLICATION_JSON, "{\"nameLike\":\"" + "x".repeat(300_000) + "\"}")));
        for (String read : List.of("/variables", "/variables/x", "/localvariables/x", "/form-variables", "/form",
                "/rendered-form", "/deployed-form", "/identity-links")) {
            inputs.add(new BadInput("read " + read + " of a task that is not there", () -> send("sec-DDG-05",
                    HttpMethod.GET, "/engine-rest/task/no-such-task" + read, null, null)));
        }
        inputs.add(new BadInput("variables of an instance that is not there", () -> send("sec-DDG-05", HttpMethod.GET,
                "/engine-rest/process-instance/no-such-instance/variables", null, null)));

        assertEachRefused(inputs);
        assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR ")).toList())
                .as("errors logged for the client's mistakes").isEmpty();
    }

    /** The example workbook with a formula in place of its first member's name. */
    private static byte[] withFormula(byte[] workbook) throws java.io.IOException {
        try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(workbook));
                var out = new java.io.ByteArrayOutputStream()) {
            for (var sheet : book) {
                var header = sheet.getRow(sheet.getFirstRowNum());
                for (var cell : header) {
                    if ("姓名".equals(cell.getStringCellValue())) {
                        sheet.getRow(sheet.getFirstRowNum() + 1).getCell(cell.getColumnIndex())
                                .setCellFormula("CONCATENATE(\"王\",\"五\")");
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** A request sent byte for byte as written, as a client that does not tidy its paths would. */
    private ResponseEntity<String> raw(String method, String path) {
        java.net.URI root = java.net.URI.create(http.getRootUri());
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            String auth = java.util.Base64.getEncoder().encodeToString("office:demo".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                    + auth + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String body = answer.contains("\r\n\r\n") ? answer.substring(answer.indexOf("\r\n\r\n") + 4) : "";
            return ResponseEntity.status(status).body(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void markupInATextFieldIsStoredAsTextAndShownEscaped() {
        String markup = "<script>alert('x')</script><img src=x onerror=alert(1)>会议室";
        Task open = task("DDG-06", "draftWorkPlan");
        if (open != null) {
            String plan = open.getId();
            Map<String, String> values = new LinkedHashMap<>();
            plan().forEach((k, v) -> values.put(k, "{\"value\":\"" + v + "\"}"));
            values.put("venue", "{\"value\":\"" + markup.replace("'", "\\u0027") + "\"}");
            assertThat(submit("markup", "sec-DDG-06", plan, values).send().get().getStatusCode().value()).isEqualTo(204);
        }
        assertThat(jdbc.sql("select venue from work_plan where cycle_id = ?").param(YEAR + "-DDG-06")
                .query(String.class).single()).isEqualTo(markup);

        String page = WebSession.signIn(http, "office").get("/dashboard/branches/DDG-06/reviews/" + YEAR).getBody();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;会议室")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    private void assertEachRefused(List<BadInput> inputs) {
        assertEachRefused(inputs, 50);
    }

    private void assertEachRefused(List<BadInput> inputs, int atLeast) {
        assertThat(inputs.size()).isGreaterThanOrEqualTo(atLeast);
        List<String> problems = new ArrayList<>();
        for (BadInput input : inputs) {
            Map<String, Long> before = rowCounts();
            ResponseEntity<String> response = input.send().get();
            int status = response.getStatusCode().value();
            String body = response.getBody() == null ? "" : response.getBody();
            if (status < 400 || status >= 500) {
                problems.add(input.what() + ": " + status + " " + abbreviate(body));
            } else if (!body.matches("(?s).*\\p{IsHan}.*")) {
                problems.add(input.what() + ": no Chinese message: " + abbreviate(body));
            } else if (body.contains("Exception:") || body.contains("\tat ")) {
                problems.add(input.what() + ": a stack trace: " + abbreviate(body));
            }
            Map<String, Long> after = rowCounts();
            if (!after.equals(before)) {
                problems.add(input.what() + ": rows changed " + before + " → " + after);
            }
        }
        assertThat(problems).as(inputs.size() + " bad inputs").isEmpty();
    }

    /** Our tables and the engine's runtime tasks, variables, executions, identity links and jobs, in one query. */
    private Map<String, Long> rowCounts() {
        if (countQuery == null) {
            List<String> tables = jdbc.sql("""
                    select table_name from information_schema.tables
                    where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'
                      and (table_name not like 'ACT\\_%' escape '\\' or table_name in
                           ('ACT_RU_TASK', 'ACT_RU_VARIABLE', 'ACT_RU_EXECUTION', 'ACT_RU_IDENTITYLINK', 'ACT_RU_JOB'))
                      and table_name <> 'flyway_schema_history'
                    order by table_name""").query(String.class).list();
            assertThat(tables).contains("PARTY_MEMBER", "WORK_PLAN", "ACT_RU_TASK", "ACT_RU_VARIABLE");
            countQuery = String.join(" union all ", tables.stream()
                    .map(t -> "select '" + t + "' as t, count(*) as n from \"" + t + "\"").toList());
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql(countQuery).query((rs, n) -> counts.put(rs.getString("t"), rs.getLong("n"))).list();
        return counts;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private BadInput campaign(String what, String json) {
        return new BadInput("campaign " + what, () -> send("office", HttpMethod.POST, "/api/campaigns",
                MediaType.APPLICATION_JSON, json));
    }

    private BadInput upload(String what, String name, byte[] content) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return new BadInput("roster " + what, () -> send("office", HttpMethod.POST, "/api/roster",
                MediaType.MULTIPART_FORM_DATA, body));
    }

    private BadInput submit(String what, String person, String taskId, Map<String, String> variables) {
        StringBuilder json = new StringBuilder("{\"variables\":{");
        variables.forEach((k, v) -> json.append('"').append(k).append("\":").append(v).append(','));
        if (!variables.isEmpty()) {
            json.setLength(json.length() - 1);
        }
        json.append("}}");
        return new BadInput(what, () -> send(person, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
                MediaType.APPLICATION_JSON, json.toString()));
    }

    private static Map<String, String> studyWith(String attendanceJson) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("studyHeldOn", "{\"value\":\"2053-12-01\"}");
        values.put("studyTopics", "{\"value\":\"学习\"}");
        values.put("studyAttendance", "{\"value\":\"" + attendanceJson + "\",\"type\":\"Json\"}");
        return values;
    }

    private ResponseEntity<String> send(String person, HttpMethod method, String path, MediaType type, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null) {
            headers.setContentType(type);
        }
        return http.withBasicAuth(person, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static String body(Map<String, String> fields, String field, String value) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (field != null) {
            all.put(field, value);
        }
        StringBuilder json = new StringBuilder("{");
        all.forEach((k, v) -> json.append('"').append(k).append("\":").append(v).append(','));
        if (!all.isEmpty()) {
            json.setLength(json.length() - 1);
        }
        return json.append('}').toString();
    }

    private Task task(String branch, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-" + branch)
                .taskDefinitionKey(key).singleResult();
    }

    static Map<String, Object> plan() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("committeeMeetingOn", "2053-12-01");
        plan.put("membersMeetingOn", "2053-12-02");
        plan.put("venue", "党员活动室");
        plan.put("studyTopics", "学习党章");
        plan.put("membersMeetingForm", "WHOLE");
        return plan;
    }
}
