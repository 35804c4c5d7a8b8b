package org.orglife.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.security.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The members' appraisal ballot of step 4 (issue 19), from outside: the secretary opens it on its
 * page, members vote over HTTP with the slips' codes, the secretary closes it, and the tallies stand in
 * the members' meeting's form. Each test works its own branch and year.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class BallotTest {

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;
    @Autowired WrongCodeLimit limit;

    @AfterEach
    void reset() {
        TestClock.reset();
        limit.forgiveAll();
    }

    CycleDriver meetingOf(String branchCode, int year) {
        TestClock.at(year + 1, 2, 21);
        return CycleDriver.start(engine, reviewCycles, branchCode, year).jumpTo("holdMembersMeeting");
    }

    /** Opens the ballot as the branch's secretary, every voter present. */
    static ResponseEntity<String> open(WebSession secretary, String cycleId) {
        String page = secretary.get("/ballots/" + cycleId).getBody();
        Map<String, String> form = new LinkedHashMap<>();
        java.util.regex.Matcher voter = java.util.regex.Pattern.compile("name=\"a_([^\"]+)\" value=\"PRESENT\"").matcher(page);
        while (voter.find()) {
            form.put("a_" + voter.group(1), "PRESENT");
        }
        return secretary.post("/ballots/" + cycleId + "/open", form);
    }

    List<String> codes(String cycleId, String state) {
        return jdbc.sql("""
                select c.code from ballot_code c join ballot b on b.id = c.ballot_id
                where b.cycle_id = ? and b.status <> 'VOIDED' and c.state = ? order by c.code""")
                .params(cycleId, state).query(String.class).list();
    }

    Map<String, Object> ballot(String cycleId) {
        return jdbc.sql("""
                select b.*, (select cast(count(*) as integer) from ballot_code c where c.ballot_id = b.id and c.state = 'SPENT') as codes_cast
                from ballot b where b.cycle_id = ? and b.status <> 'VOIDED'""").param(cycleId).query().singleRow();
    }

    static Map<String, String> everyone(List<String> members, String grade) {
        Map<String, String> choices = new LinkedHashMap<>();
        members.forEach(m -> choices.put(m, grade));
        return choices;
    }

    @Test
    void membersVoteOnceEachAndTheClosedTalliesStandInTheMeetingsForm() {
        // given DDG-09's members' meeting of 2022: 侯晋芳 (DDG09-017) under 留党察看 until 2023, four probationary members
        CycleDriver cycle = meetingOf("DDG-09", 2022);
        String cycleId = cycle.businessKey;
        WebSession secretary = WebSession.signIn(http, "sec-DDG-09");
        String opening = secretary.get("/ballots/" + cycleId).getBody();
        assertThat(opening).contains("开启测评并生成票码").doesNotContain("a_DDG09-017");
        int probationary = jdbc.sql("select count(*) from party_member where branch_code = 'DDG-09' and status = 'PROBATIONARY'")
                .query(Integer.class).single();
        int members = jdbc.sql("select count(*) from party_member where branch_code = 'DDG-09' and left_on is null and not floating_in")
                .query(Integer.class).single();

        // when the secretary opens the ballot, everyone who votes present
        assertThat(open(secretary, cycleId).getStatusCode().value()).isEqualTo(302);

        // then one code per voter: neither the probationary members nor 侯晋芳 get one
        int issued = ((Number) ballot(cycleId).get("CODES_ISSUED")).intValue();
        assertThat(issued).isEqualTo(members - probationary - 1);
        assertThat(codes(cycleId, "UNUSED")).hasSize(issued).allMatch(c -> c.matches("[2-9A-HJ-NP-Z]{12}"));

        // and a member's phone lists everyone appraised but 侯晋芳, probationary members marked
        BallotClient phone = new BallotClient(http);
        String code = codes(cycleId, "UNUSED").get(0);
        String page = phone.page(code).getBody();
        List<String> appraised = BallotClient.members(page);
        assertThat(appraised).hasSize(members - 1).doesNotContain("DDG09-017");
        assertThat(page).doesNotContain("侯晋芳").contains("预备党员（不评定等次）");
        assertThat(page.split("预备党员（不评定等次）", -1)).hasSize(probationary + 1);

        // when the member reviews and confirms
        Map<String, String> choices = everyone(appraised, "QUALIFIED");
        choices.put(appraised.get(0), "EXCELLENT");
        assertThat(phone.review(code, choices).getBody()).contains("请核对您的选择", "确认投票");
        ResponseEntity<String> cast = phone.cast(code, choices);
        assertThat(cast.getStatusCode().value()).isEqualTo(200);
        assertThat(cast.getBody()).contains("投票成功");

        // then the code is spent: a second use is refused with a message, and counted nowhere
        ResponseEntity<String> again = phone.cast(code, everyone(appraised, "UNQUALIFIED"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("此票码已经投过票");
        assertThat(phone.page(code).getBody()).contains("此票码已经投过票");

        // and while the ballot is open, the count shows and no tally does, to the secretary or the office
        assertThat(secretary.get("/ballots/" + cycleId).getBody()).contains("已投 1 / " + issued)
                .doesNotContain("tally-");
        WebSession office = WebSession.signIn(http, "office");
        assertThat(office.get("/ballots/" + cycleId).getBody()).contains("已投 1 / " + issued).doesNotContain("tally-")
                .doesNotContain("结束测评</button>");
        assertThat(office.get("/ballots?year=2022").getBody()).contains("东山村党支部", "已投 1 / " + issued);
        assertThat(secretary.get("/ballots/" + cycleId + "/count").getBody()).contains("\"cast\":1", "\"issued\":" + issued);
        assertThat(cycle.variable("holdMembersMeeting", "ballotNotice").toString()).contains("在线民主测评进行中");

        // and the meeting's record cannot be filed while the ballot is open
        assertThat(cycle.refuse("holdMembersMeeting", meetingRecord(cycle)).getMessage()).contains("在线民主测评尚未结束");

        // when a second member votes and the secretary closes the ballot
        String second = codes(cycleId, "UNUSED").get(0);
        phone.cast(second, everyone(appraised, "QUALIFIED"));
        assertThat(secretary.post("/ballots/" + cycleId + "/close", Map.of()).getStatusCode().value()).isEqualTo(302);

        // then the unused codes die, a late vote is refused, and the tallies show
        assertThat(codes(cycleId, "UNUSED")).isEmpty();
        assertThat(codes(cycleId, "DEAD")).hasSize(issued - 2);
        ResponseEntity<String> late = phone.cast(codes(cycleId, "DEAD").get(0), everyone(appraised, "QUALIFIED"));
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(late.getBody()).contains("本次民主测评已结束");
        assertThat(secretary.get("/ballots/" + cycleId).getBody()).contains("tally-" + appraised.get(0));

        // and the meeting's form holds them, read-only, marked as the online ballot's
        List<Map<String, Object>> tallies = cycle.list("holdMembersMeeting", "tallies");
        Map<String, Object> first = tallies.stream().filter(t -> appraised.get(0).equals(t.get("memberId"))).findFirst()
                .orElseThrow();
        assertThat(first).containsEntry("excellent", 1).containsEntry("qualified", 1).containsEntry("fromBallot", true);
        assertThat(cycle.variable("holdMembersMeeting", "ballotNotice").toString()).contains("来自在线民主测评", "已投 2 / " + issued);

        // when the secretary changes a tally, the record is refused; unchanged, it is filed
        Map<String, Object> changed = meetingRecord(cycle);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changedTallies = (List<Map<String, Object>>) changed.get("tallies");
        changedTallies.get(0).put("excellent", 2);
        assertThat(cycle.refuse("holdMembersMeeting", changed).getMessage()).contains("来自在线民主测评，不能修改");
        cycle.complete("holdMembersMeeting", meetingRecord(cycle));

        // then the cycle's tallies are the ballot's
        assertThat(jdbc.sql("select excellent, qualified from appraisal_tally where cycle_id = ? and member_id = ?")
                .params(cycleId, appraised.get(0)).query().singleRow().values()).containsExactly(1, 1);
        assertThat(cycle.openTasks()).doesNotContain("holdMembersMeeting");

        // and the cycle's archive keeps the ballot, its counts of codes, and who opened and closed it
        ResponseEntity<String> archive = http.withBasicAuth("office", "demo")
                .getForEntity("/api/branches/DDG-09/reviews/2022", String.class);
        assertThat(archive.getStatusCode().value()).isEqualTo(200);
        assertThat(archive.getBody()).contains("\"status\":\"CLOSED\"", "\"codesIssued\":" + issued, "\"codesCast\":2",
                "开启测评", "结束测评");
    }

    @Test
    void theBallotClosesItselfWhenTheLastCodeIsUsed() {
        // given DDG-10's ballot of 2091: 朱亮, 袁丽芳 and 薛思远 vote, 许昊 is probationary
        CycleDriver cycle = meetingOf("DDG-10", 2091);
        WebSession secretary = WebSession.signIn(http, "sec-DDG-10");
        open(secretary, cycle.businessKey);
        List<String> codes = codes(cycle.businessKey, "UNUSED");
        assertThat(codes).hasSize(3);
        assertThat(tokenAt(cycle, "gateway_ballotEnds")).as("Cockpit shows the ballot waiting in step 4").isTrue();

        // when all three vote
        BallotClient phone = new BallotClient(http);
        List<String> members = BallotClient.members(phone.page(codes.get(0)).getBody());
        assertThat(members).containsExactly("DDG10-001", "DDG10-002", "DDG10-003", "DDG10-004");
        codes.forEach(code -> assertThat(phone.cast(code, everyone(members, "QUALIFIED")).getBody()).contains("投票成功"));

        // then it is closed, by the system, and its token has left the wait
        assertThat(ballot(cycle.businessKey)).containsEntry("STATUS", "CLOSED").containsEntry("ENDED_BY", "system");
        assertThat(tokenAt(cycle, "gateway_ballotEnds")).isFalse();
        assertThat(cycle.list("holdMembersMeeting", "tallies")).allSatisfy(t -> assertThat(t).containsEntry("qualified", 3));
    }

    @Test
    void theBallotClosesAtItsClosingTime() {
        // given DDG-10's ballot of 2092, one vote cast
        CycleDriver cycle = meetingOf("DDG-10", 2092);
        WebSession secretary = WebSession.signIn(http, "sec-DDG-10");
        open(secretary, cycle.businessKey);
        BallotClient phone = new BallotClient(http);
        String code = codes(cycle.businessKey, "UNUSED").get(0);
        phone.cast(code, everyone(BallotClient.members(phone.page(code).getBody()), "EXCELLENT"));
        Instant closesAt = ((java.sql.Timestamp) ballot(cycle.businessKey).get("CLOSES_AT")).toInstant();
        assertThat(closesAt).isAfterOrEqualTo(TestClock.now().plusSeconds(24 * 3600 - 60));

        // when its time comes and the timer fires
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(cycle.processInstanceId)
                .timers().activityId("timerEvent_ballotDue").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(closesAt));
        TestClock.at(closesAt.plusSeconds(60));
        cycle.runJobs();

        // then it is closed with its one vote, and the audit trail says so
        assertThat(ballot(cycle.businessKey)).containsEntry("STATUS", "CLOSED").containsEntry("CODES_CAST", 1);
        assertThat(jdbc.sql("select detail from audit_event where cycle_id = ? and step = 'appraisalBallot' order by id")
                .param(cycle.businessKey).query(String.class).list()).last().asString().contains("自动结束", "已投 1 / 3");
    }

    @Test
    void aVoidedBallotKeepsItsReasonAndANewOneHasNewCodes() {
        // given DDG-10's ballot of 2093 with one vote
        CycleDriver cycle = meetingOf("DDG-10", 2093);
        WebSession secretary = WebSession.signIn(http, "sec-DDG-10");
        open(secretary, cycle.businessKey);
        BallotClient phone = new BallotClient(http);
        List<String> old = codes(cycle.businessKey, "UNUSED");
        phone.cast(old.get(0), everyone(BallotClient.members(phone.page(old.get(0)).getBody()), "EXCELLENT"));

        // when the secretary voids it without a reason, nothing changes
        ResponseEntity<String> noReason = secretary.post("/ballots/" + cycle.businessKey + "/void", Map.of("reason", " "));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody()).contains("请填写作废原因");
        assertThat(ballot(cycle.businessKey)).containsEntry("STATUS", "OPEN");

        // when with a reason, the ballot is void, its codes dead, and the reason in the audit trail
        secretary.post("/ballots/" + cycle.businessKey + "/void", Map.of("reason", "票码条发错了支部"));
        assertThat(jdbc.sql("select count(*) from ballot where cycle_id = ? and status = 'VOIDED' and void_reason = ?")
                .params(cycle.businessKey, "票码条发错了支部").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select detail from audit_event where cycle_id = ? and action = '作废测评'")
                .param(cycle.businessKey).query(String.class).single()).contains("票码条发错了支部", "已投 1 / 3");
        ResponseEntity<String> oldCode = phone.page(old.get(1));
        assertThat(oldCode.getStatusCode().value()).isEqualTo(409);
        assertThat(oldCode.getBody()).contains("本次民主测评已作废");
        assertThat(tokenAt(cycle, "gateway_ballotEnds")).isFalse();

        // then a new ballot gets new codes and starts from nothing
        open(secretary, cycle.businessKey);
        assertThat(codes(cycle.businessKey, "UNUSED")).hasSize(3).doesNotContainAnyElementsOf(old);
        assertThat(ballot(cycle.businessKey)).containsEntry("CODES_CAST", 0);
        assertThat(tokenAt(cycle, "gateway_ballotEnds")).isTrue();
    }

    @Test
    void onlyTheBranchsSecretaryOpensClosesOrVoidsItsBallotAndPrintsItsCodes() {
        // given DDG-10's members' meeting of 2094
        CycleDriver cycle = meetingOf("DDG-10", 2094);
        String cycleId = cycle.businessKey;
        Map<String, String> everyonePresent = Map.of("a_DDG10-001", "PRESENT", "a_DDG10-002", "PRESENT",
                "a_DDG10-004", "PRESENT");

        // when others try to open it, each is refused and nothing is written
        for (String person : List.of("liaison2", "office", "supervisor", "sec-DDG-09")) {
            ResponseEntity<String> tried = WebSession.signIn(http, person).post("/ballots/" + cycleId + "/open",
                    everyonePresent);
            assertThat(tried.getStatusCode().value()).as(person).isIn(403, 404);
            assertThat(tried.getBody()).as(person).containsAnyOf("只有本支部书记", "没有找到年度工作记录");
        }
        assertThat(jdbc.sql("select count(*) from ballot where cycle_id = ?").param(cycleId).query(Integer.class).single())
                .isZero();

        // when the secretary opens it, nobody else may print its codes, close or void it
        WebSession secretary = WebSession.signIn(http, "sec-DDG-10");
        assertThat(secretary.post("/ballots/" + cycleId + "/open", everyonePresent).getStatusCode().value()).isEqualTo(302);
        assertThat(secretary.get("/ballots/" + cycleId + "/slips").getBody()).contains("data:image/png;base64,")
                .contains(BallotCodes.grouped(codes(cycleId, "UNUSED").get(0)));
        WebSession liaison = WebSession.signIn(http, "liaison2");
        assertThat(liaison.get("/ballots/" + cycleId).getBody()).contains("已投 0 / 3");
        assertThat(liaison.get("/ballots/" + cycleId + "/screen").getBody()).contains("已投 0 / 3");
        for (String person : List.of("liaison2", "office")) {
            WebSession other = WebSession.signIn(http, person);
            ResponseEntity<String> slips = other.get("/ballots/" + cycleId + "/slips");
            assertThat(slips.getStatusCode().value()).as(person).isEqualTo(403);
            assertThat(slips.getBody()).doesNotContain(codes(cycleId, "UNUSED").get(0));
            assertThat(other.post("/ballots/" + cycleId + "/close", Map.of()).getStatusCode().value()).isEqualTo(403);
            assertThat(other.post("/ballots/" + cycleId + "/void", Map.of("reason", "试试")).getStatusCode().value())
                    .isEqualTo(403);
        }
        assertThat(ballot(cycleId)).containsEntry("STATUS", "OPEN");

        // and another township's office does not see the branch at all
        assertThat(WebSession.signIn(http, "office-ncz").get("/ballots/" + cycleId).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void noColumnCanJoinACodeToAChoiceAndNoVoteIsAVariable() {
        // the ballot tables, whole: a code knows its ballot and whether it was used, with no time and no
        // sequence; a box its ballot and counts (one number per member and grade, summed over the votes that
        // fell into it), no code; the ballot neither; the members on it their position on the page
        assertThat(jdbc.sql("select table_name from information_schema.tables where table_name like 'BALLOT%' order by 1")
                .query(String.class).list()).containsExactly("BALLOT", "BALLOT_ATTENDANCE", "BALLOT_BOX", "BALLOT_CODE",
                        "BALLOT_MEMBER");
        assertThat(columns("BALLOT_CODE")).containsExactly("CODE", "BALLOT_ID", "STATE");
        assertThat(columns("BALLOT_BOX")).containsExactly("BALLOT_ID", "BOX", "COUNTS");
        assertThat(columns("BALLOT_MEMBER")).containsExactly("BALLOT_ID", "MEMBER_ID", "POSITION", "NOTE");
        assertThat(columns("BALLOT")).containsExactly("ID", "CYCLE_ID", "STATUS", "CODES_ISSUED", "CLOSES_AT", "OPENED_BY",
                "OPENED_AT", "ENDED_BY", "ENDED_AT", "VOID_REASON");
        assertThat(columns("BALLOT_ATTENDANCE")).containsExactly("BALLOT_ID", "MEMBER_ID", "ATTENDANCE", "REMOTE_REASON");
        // so a code joins its ballot's boxes of sums, never the choices cast with it

        // and casting writes no process variable and no history of its own
        CycleDriver cycle = meetingOf("DDG-10", 2095);
        WebSession secretary = WebSession.signIn(http, "sec-DDG-10");
        open(secretary, cycle.businessKey);
        int variables = historyRows("act_hi_varinst", cycle), details = historyRows("act_hi_detail", cycle),
                activities = historyRows("act_hi_actinst", cycle);
        BallotClient phone = new BallotClient(http);
        String code = codes(cycle.businessKey, "UNUSED").get(0);
        phone.cast(code, everyone(BallotClient.members(phone.page(code).getBody()), "EXCELLENT"));
        assertThat(historyRows("act_hi_varinst", cycle)).isEqualTo(variables);
        assertThat(historyRows("act_hi_detail", cycle)).isEqualTo(details);
        assertThat(historyRows("act_hi_actinst", cycle)).isEqualTo(activities);
    }

    @Test
    void wrongCodesAreLimitedPerClientWithAMessage() {
        BallotClient phone = new BallotClient(http);
        for (int i = 0; i < WrongCodeLimit.ALLOWED; i++) {
            assertThat(phone.page("2222-2222-" + BallotCodes.ALPHABET.charAt(i) + "ZZZ").getStatusCode().value()).isEqualTo(404);
        }
        ResponseEntity<String> limited = phone.page("2222-2222-2222");
        assertThat(limited.getStatusCode().value()).isEqualTo(429);
        assertThat(limited.getBody()).contains("输入错误的票码次数过多", "分钟后再试");
    }

    @Test
    void everyBadInputIsRefusedWithAChineseMessageAndWritesNothing() {
        // given DDG-10's members' meeting of 2099
        CycleDriver cycle = meetingOf("DDG-10", 2099);
        String cycleId = cycle.businessKey;
        WebSession secretary = WebSession.signIn(http, "sec-DDG-10");
        BallotClient phone = new BallotClient(http);
        Map<String, String> present = Map.of("a_DDG10-001", "PRESENT", "a_DDG10-002", "PRESENT", "a_DDG10-004",
                "PRESENT");

        // the opening form: an answer missing, an unknown answer, remote without a reason, a stranger
        Map<String, Object> nothing = ballotRows();
        for (Map<String, String> form : List.of(Map.of("a_DDG10-001", "PRESENT"),
                Map.of("a_DDG10-001", "PRESENT", "a_DDG10-002", "MAYBE", "a_DDG10-004", "PRESENT"),
                Map.of("a_DDG10-001", "REMOTE", "a_DDG10-002", "PRESENT", "a_DDG10-004", "PRESENT"),
                Map.of("a_DDG10-001", "REMOTE", "r_DDG10-001", "BUSY", "a_DDG10-002", "PRESENT", "a_DDG10-004", "PRESENT"),
                Map.of("a_DDG10-001", "PRESENT", "a_DDG10-002", "PRESENT", "a_DDG10-004", "PRESENT", "a_DDG10-003", "PRESENT"),
                Map.of("a_DDG10-001", "ABSENT", "a_DDG10-002", "ABSENT", "a_DDG10-004", "ABSENT"))) {
            ResponseEntity<String> refused = secretary.post("/ballots/" + cycleId + "/open", form);
            assertThat(refused.getStatusCode().value()).as(form.toString()).isEqualTo(400);
            assertThat(refused.getBody()).as(form.toString()).containsAnyOf("请核对到会情况", "不能生成票码");
        }
        assertThat(secretary.post("/ballots/" + cycleId + "/close", Map.of()).getBody()).contains("没有进行中的在线测评");
        assertThat(secretary.post("/ballots/" + cycleId + "/void", Map.of("reason", "重来")).getBody())
                .contains("没有可作废的在线测评");
        assertThat(ballotRows()).isEqualTo(nothing);

        open(secretary, cycleId);
        String code = codes(cycleId, "UNUSED").get(0);
        List<String> members = BallotClient.members(phone.page(code).getBody());
        phone.cast(code, everyone(members, "EXCELLENT"));
        String fresh = codes(cycleId, "UNUSED").get(0);
        Map<String, Object> before = ballotRows();

        // the ballot page: codes that cannot be, codes of no ballot, choices missing, unknown or for strangers
        Map<String, Map<String, String>> votes = new LinkedHashMap<>();
        votes.put("0000-1111-OOOO", everyone(members, "EXCELLENT"));
        votes.put("ABC", everyone(members, "EXCELLENT"));
        votes.put("A".repeat(200), everyone(members, "EXCELLENT"));
        votes.put("<script>", everyone(members, "EXCELLENT"));
        votes.put("ZZZZ-ZZZZ-ZZZZ", everyone(members, "EXCELLENT"));
        votes.put(fresh, Map.of(members.get(0), "EXCELLENT"));
        votes.put(fresh + " ", everyone(members, "GOOD"));
        Map<String, String> stranger = everyone(members, "QUALIFIED");
        stranger.put("DDG09-001", "QUALIFIED");
        votes.put(fresh.toLowerCase(), stranger);
        votes.put(code, everyone(members, "QUALIFIED"));
        votes.forEach((typed, choices) -> {
            for (ResponseEntity<String> answer : List.of(phone.cast(typed, choices), phone.review(typed, choices))) {
                assertThat(answer.getStatusCode().is4xxClientError()).as(typed + " " + choices).isTrue();
                assertThat(answer.getBody()).as(typed).containsPattern("[\\u4e00-\\u9fff]{4,}")
                        .doesNotContain("Exception", "Whitelabel");
            }
        });
        ResponseEntity<String> typed = http.getForEntity("/ballot?code=1234", String.class);
        assertThat(typed.getStatusCode().value()).isEqualTo(400);
        assertThat(typed.getBody()).contains("票码为 12 位字母和数字");

        // the secretary's: a void without a reason or with one too long
        for (String reason : List.of("", "   ", "长".repeat(301))) {
            ResponseEntity<String> refused = secretary.post("/ballots/" + cycleId + "/void", Map.of("reason", reason));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody()).contains("请填写作废原因（300 字以内）");
        }
        ResponseEntity<String> twice = secretary.post("/ballots/" + cycleId + "/open", present);
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(twice.getBody()).contains("已有一次在线测评（测评进行中）");

        // then nothing was written
        assertThat(ballotRows()).isEqualTo(before);
    }

    /** Every ballot row and every count, to see that nothing changed. */
    Map<String, Object> ballotRows() {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("ballots", jdbc.sql("select id, status from ballot order by id").query().listOfRows());
        rows.put("codes", jdbc.sql("select state, count(*) from ballot_code group by state order by state").query()
                .listOfRows());
        rows.put("counts", jdbc.sql("select ballot_id, box, counts from ballot_box order by ballot_id, box").query()
                .listOfRows());
        rows.put("audit", jdbc.sql("select count(*) from audit_event").query(Integer.class).single());
        return rows;
    }

    int historyRows(String table, CycleDriver cycle) {
        return jdbc.sql("select count(*) from " + table + " where proc_inst_id_ = ?").param(cycle.processInstanceId)
                .query(Integer.class).single();
    }

    List<String> columns(String table) {
        return jdbc.sql("select column_name from information_schema.columns where table_name = ? order by ordinal_position")
                .param(table).query(String.class).list();
    }

    boolean tokenAt(CycleDriver cycle, String activityId) {
        return engine.getRuntimeService().createExecutionQuery().processInstanceId(cycle.processInstanceId)
                .activityId(activityId).count() > 0;
    }

    /** The members' meeting's record as pre-filled, with what a secretary adds. */
    static Map<String, Object> meetingRecord(CycleDriver cycle) {
        Map<String, Object> values = new HashMap<>();
        values.put("membersHeldOn", (Integer.parseInt(cycle.businessKey.substring(0, 4)) + 1) + "-02-20");
        values.put("membersMeetingForm", "WHOLE");
        values.put("committeeAppraisal", "支部委员会团结协作，履职尽责");
        List<Map<String, Object>> attendance = cycle.list("holdMembersMeeting", "attendance");
        attendance.forEach(a -> {
            if (a.get("attendance") == null) {
                a.put("attendance", "ABSENT");
                a.put("absenceReason", "外出务工");
            }
            if ("REMOTE".equals(a.get("attendance"))) {
                a.put("channel", "PHONE");
            }
        });
        values.put("attendance", attendance);
        values.put("tallies", cycle.list("holdMembersMeeting", "tallies"));
        return values;
    }
}
