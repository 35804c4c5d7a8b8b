package org.orglife.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.CycleRecords.Problem;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.form.Choices.FoundBy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The rules of the steps before and after rating (SPEC §3), checked on the server whatever the form
 * let through: a submission that breaks one is refused with a Chinese message naming the member or
 * problem, the task stays open and no cycle table changes; the corrected submission is accepted.
 * Each test works its own branch and year, moved straight to the step under test.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class RefusedSubmissionsTest {

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired CycleRecords records;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    CycleDriver cycleAt(String branchCode, int year, String... tasks) {
        TestClock.at(year + 1, 2, 21);
        return CycleDriver.start(engine, reviewCycles, branchCode, year).jumpTo(tasks);
    }

    /** Submits, expects refusal with every given text in the message, and no cycle table changed. */
    void refused(CycleDriver cycle, String task, Map<String, Object> values, String... messages) {
        Map<String, Integer> before = CycleTables.count(jdbc);
        assertThat(cycle.refuse(task, values).getMessage()).contains(messages);
        assertThat(CycleTables.count(jdbc)).as("nothing written").isEqualTo(before);
    }

    static Map<String, Object> item(List<Map<String, Object>> items, String memberId) {
        return items.stream().filter(i -> memberId.equals(i.get("memberId"))).findFirst().orElseThrow();
    }

    static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    int rows(String table, CycleDriver cycle) {
        return jdbc.sql("select count(*) from " + table + " where cycle_id = ?").param(cycle.businessKey)
                .query(Integer.class).single();
    }

    @Test
    void anAbsentMemberNeedsTheMaterialsDeliveredOrAReason() {
        // given DDG-05's study session, 白春燕 (DDG05-004) absent
        CycleDriver cycle = cycleAt("DDG-05", 2025, "organizeStudy");
        List<Map<String, Object>> attendance = cycle.list("organizeStudy", "studyAttendance");
        Map<String, Object> absent = item(attendance, "DDG05-004");
        absent.put("present", false);
        Map<String, Object> study = values("studyHeldOn", "2026-02-10", "studyTopics", "党章党规", "studyAttendance", attendance);

        // when neither why she was absent nor the materials are recorded, then refused naming her
        refused(cycle, "organizeStudy", study, "白春燕（DDG05-004）：请填写「未参加原因」",
                "白春燕（DDG05-004）：未参加学习，须送学（勾选“已送学”）或填写未送学原因");

        // when the reason is given but the materials were neither delivered nor a reason recorded, then refused
        absent.put("absenceReason", "住院治疗");
        refused(cycle, "organizeStudy", study, "白春燕（DDG05-004）：未参加学习，须送学");

        // when the reason materials were not delivered is recorded, then accepted
        absent.put("notDeliveredReason", "本人住院，出院后补学");
        cycle.complete("organizeStudy", study);
        assertThat(jdbc.sql("select member_id, reason, materials_delivered, not_delivered_reason from study_absence"
                + " where cycle_id = ?").param(cycle.businessKey)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4))).list())
                .containsExactly(List.of("DDG05-004", "住院治疗", false, "本人住院，出院后补学"));
    }

    @Test
    void aFlaggedMemberMustBeHeardOrTheReasonRecorded() {
        // given DDG-05: 易晓静 (transferred in) and 沈子豪 (newly admitted) are to be heard
        CycleDriver cycle = cycleAt("DDG-05", 2026, "solicitOpinions");
        List<Map<String, Object>> hearings = cycle.list("solicitOpinions", "hearings");
        assertThat(hearings).extracting(h -> h.get("memberId"), h -> h.get("flags")).containsExactly(
                tuple("DDG05-014", "新转入党员"),
                tuple("DDG05-015", "新发展党员"));
        item(hearings, "DDG05-014").put("heard", true);
        Map<String, Object> opinions = values("opinions", List.of(), "talksCommitteeCommittee", 1,
                "talksCommitteeMember", 3, "talksMemberMember", 2, "hearings", hearings);

        // when 沈子豪 was not heard and no reason is given, then refused naming him
        refused(cycle, "solicitOpinions", opinions, "沈子豪（DDG05-015）：须听取其意见，或填写未听取的原因");

        // when he is left out of the list altogether (as a REST caller could), then refused too
        refused(cycle, "solicitOpinions", values("opinions", List.of(), "talksCommitteeCommittee", 1,
                "talksCommitteeMember", 3, "talksMemberMember", 2, "hearings", hearings.subList(0, 1)),
                "「听取意见情况」缺少党员 沈子豪（DDG05-015）");

        // when the reason is recorded, then accepted
        item(hearings, "DDG05-015").put("notHeardReason", "在外地参加入党积极分子培训，已电话联系");
        cycle.complete("solicitOpinions", opinions);
        assertThat(rows("hearing", cycle)).isEqualTo(2);
    }

    @Test
    void theCommitteesProblemListNeedsAtLeastOneProblem() {
        CycleDriver cycle = cycleAt("DDG-05", 2027, "examineProblems");
        List<Map<String, Object>> problems = cycle.list("examineProblems", "committeeProblems");
        assertThat(problems).as("one empty item to start with").hasSize(1);

        // when the list is submitted empty, then refused
        refused(cycle, "examineProblems", values("committeeProblems", problems), "支部委员会问题清单至少要有一个问题");
        refused(cycle, "examineProblems", values("committeeProblems", List.of()), "支部委员会问题清单至少要有一个问题");

        // when one problem is listed and the members' count is left empty (no one must write material)
        problems.get(0).put("category", "作风建设");
        problems.get(0).put("description", "联系服务群众不够经常");
        problems.get(0).put("foundBy", "MASSES");
        cycle.complete("examineProblems", values("committeeProblems", problems, "memberProblemCount", null));

        // then accepted
        assertThat(records.problems(cycle.businessKey)).containsExactly(
                new Problem(1, "作风建设", "联系服务群众不够经常", FoundBy.MASSES));
        assertThat(jdbc.sql("select member_problem_count from problem_examination where cycle_id = ?")
                .param(cycle.businessKey).query((rs, n) -> rs.getObject(1)).list()).containsExactly((Object) null);
    }

    @Test
    void meetingsAreRemoteOnlyForAnAllowedReason() {
        // given DDG-05's two meetings
        CycleDriver cycle = cycleAt("DDG-05", 2028, "holdCommitteeMeeting", "holdMembersMeeting");

        // when the committee meets remotely without a reason, then refused
        Map<String, Object> committee = values("committeeHeldOn", "2029-02-12", "committeeAttendees", "黄建伟、孙敏、吴鹏",
                "committeeMode", "REMOTE");
        refused(cycle, "holdCommitteeMeeting", committee, "请填写「远程召开的原因」");
        committee.put("committeeRemoteReason", "落实疫情防控要求");
        cycle.complete("holdCommitteeMeeting", committee);

        // when a member joins the members' meeting remotely without a reason, or for one the notice does not allow
        List<Map<String, Object>> attendance = cycle.list("holdMembersMeeting", "attendance");
        Map<String, Object> remote = item(attendance, "DDG05-006");
        remote.put("attendance", "REMOTE");
        remote.put("channel", "VIDEO");
        Map<String, Object> meeting = values("membersHeldOn", "2029-02-14", "membersMeetingForm", "WHOLE",
                "attendance", attendance, "committeeAppraisal", "满意",
                "tallies", cycle.list("holdMembersMeeting", "tallies"));
        Map<String, Integer> before = CycleTables.count(jdbc);
        assertThat(cycle.refuse("holdMembersMeeting", meeting).getMessage())
                .contains("陈小红（DDG05-006）：远程参会只限落实疫情防控要求、流动外出或身体原因，请选择原因");
        remote.put("remoteReason", "BUSINESS_TRIP");
        assertThat(cycle.refuse("holdMembersMeeting", meeting).getMessage())
                .contains("陈小红（DDG05-006）：「远程参会原因」的值无效：BUSINESS_TRIP");
        remote.put("remoteReason", "HEALTH");
        remote.put("channel", null);
        assertThat(cycle.refuse("holdMembersMeeting", meeting).getMessage())
                .contains("陈小红（DDG05-006）：请选择「远程方式（网络视频、电话或信函）」");
        assertThat(CycleTables.count(jdbc)).as("nothing written").isEqualTo(before);

        // when the reason is one the notice allows, then accepted
        remote.put("channel", "PHONE");
        cycle.complete("holdMembersMeeting", meeting);
        assertThat(jdbc.sql("select attendance, channel, remote_reason from meeting_attendance"
                + " where cycle_id = ? and member_id = 'DDG05-006'").param(cycle.businessKey)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single())
                .containsExactly("REMOTE", "PHONE", "HEALTH");
        assertThat(cycle.openTasks()).as("both meetings held").containsExactly("rateMembers");
    }

    @Test
    void studyAndMeetingDatesLieInTheYearUnderReviewOrTheNext() {
        // given DDG-05's study session of 2029, everyone present
        CycleDriver study = cycleAt("DDG-05", 2029, "organizeStudy");
        Map<String, Object> session = values("studyHeldOn", "2012-02-10", "studyTopics", "党章党规",
                "studyAttendance", study.list("organizeStudy", "studyAttendance"));

        // when the date is mistyped into another year, then refused naming the field and the years
        refused(study, "organizeStudy", session, "学习日期须在 2029 年或 2030 年内：2012-02-10");
        session.put("studyHeldOn", "2031-01-05");
        refused(study, "organizeStudy", session, "学习日期须在 2029 年或 2030 年内：2031-01-05");

        // when it lies in the year under review or the next, then accepted
        session.put("studyHeldOn", "2030-02-10");
        study.complete("organizeStudy", session);

        // given DDG-05's two meetings of 2030
        CycleDriver cycle = cycleAt("DDG-05", 2030, "holdCommitteeMeeting", "holdMembersMeeting");
        Map<String, Object> committee = values("committeeHeldOn", "2003-02-12", "committeeAttendees", "黄建伟、孙敏、吴鹏",
                "committeeMode", "FACE_TO_FACE");
        Map<String, Object> meeting = values("membersHeldOn", "2013-02-14", "membersMeetingForm", "WHOLE",
                "attendance", cycle.list("holdMembersMeeting", "attendance"), "committeeAppraisal", "满意",
                "tallies", cycle.list("holdMembersMeeting", "tallies"));

        // when either meeting's date lies outside 2030–2031, then refused
        refused(cycle, "holdCommitteeMeeting", committee, "会议日期须在 2030 年或 2031 年内：2003-02-12");
        refused(cycle, "holdMembersMeeting", meeting, "会议日期须在 2030 年或 2031 年内：2013-02-14");

        // when the dates are corrected, then both are accepted
        committee.put("committeeHeldOn", "2031-02-12");
        meeting.put("membersHeldOn", "2031-02-14");
        cycle.complete("holdCommitteeMeeting", committee);
        cycle.complete("holdMembersMeeting", meeting);
        assertThat(jdbc.sql("select kind, held_on from meeting where cycle_id = ? order by kind")
                .param(cycle.businessKey).query((rs, n) -> rs.getString(1) + " " + rs.getDate(2)).list())
                .containsExactly("COMMITTEE 2031-02-12", "MEMBERS 2031-02-14");
    }

    @Test
    void talliesCannotExceedTheVotersPresentAndAMemberUnderProbationNeitherVotesNorIsVotedOn() {
        // given DDG-09 in 2021: 侯晋芳 (DDG09-017) under 留党察看: no vote cast by her, none about her
        CycleDriver cycle = cycleAt("DDG-09", 2021, "holdMembersMeeting");
        List<Map<String, Object>> tallies = cycle.list("holdMembersMeeting", "tallies");
        assertThat(tallies).as("no row to type her tallies in").noneMatch(t -> t.get("memberId").equals("DDG09-017"));

        // and only 马东升 (DDG09-001) and 侯晋芳 present: one voter
        List<Map<String, Object>> attendance = cycle.list("holdMembersMeeting", "attendance");
        List<Map<String, Object>> marked = new ArrayList<>();
        for (Map<String, Object> a : attendance) {
            Map<String, Object> copy = new HashMap<>(a);
            boolean present = a.get("memberId").equals("DDG09-001") || a.get("memberId").equals("DDG09-017");
            copy.put("attendance", present ? "PRESENT" : "ABSENT");
            copy.put("remoteReason", null);
            copy.put("absenceReason", present ? null : "农忙");
            marked.add(copy);
        }
        item(tallies, "DDG09-002").put("excellent", 1);
        item(tallies, "DDG09-002").put("qualified", 1);
        Map<String, Object> meeting = values("membersHeldOn", "2022-02-14", "membersMeetingForm", "WHOLE",
                "attendance", marked, "committeeAppraisal", "满意", "tallies", tallies);

        // when a member gets two votes, then refused: 侯晋芳's presence adds no vote
        refused(cycle, "holdMembersMeeting", meeting, "测评票数合计 2 张，超过了有表决权的到会党员人数 1 名");

        // when tallies are typed for 侯晋芳 all the same, then refused, naming her
        List<Map<String, Object>> withHers = new ArrayList<>(tallies);
        withHers.add(new HashMap<>(Map.of("memberId", "DDG09-017", "name", "侯晋芳", "excellent", 0, "qualified", 1,
                "basicallyQualified", 0, "unqualified", 0)));
        item(tallies, "DDG09-002").put("qualified", 0);
        refused(cycle, "holdMembersMeeting", values("membersHeldOn", "2022-02-14", "membersMeetingForm", "WHOLE",
                "attendance", marked, "committeeAppraisal", "满意", "tallies", withHers),
                "侯晋芳（DDG09-017）", "不参加民主测评，不能填写测评票数");

        // when the tallies fit the one voter, then accepted, however low the attendance
        cycle.complete("holdMembersMeeting", meeting);
        assertThat(rows("appraisal_tally", cycle)).as("every member but her").isEqualTo(46);
    }

    /** DDG-03 at planRectification, its committee having listed two problems. */
    CycleDriver rectificationOf(int year) {
        TestClock.at(year + 1, 2, 21);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-03", year);
        records.saveProblems(cycle.businessKey, List.of(
                new Problem(1, "政治功能", "理论学习不够系统", FoundBy.SELF),
                new Problem(2, "服务群众", "为群众办实事不够主动", FoundBy.SUPERIOR)), 12);
        return cycle.jumpTo("planRectification");
    }

    static Map<String, Object> rectification(CycleDriver cycle, String deadline) {
        List<Map<String, Object>> items = cycle.list("planRectification", "rectificationItems");
        items.forEach(i -> {
            i.put("measure", "制定学习计划并按月落实");
            i.put("deadline", deadline);
            i.put("responsible", "张晓明");
        });
        List<Map<String, Object>> commitments = cycle.list("planRectification", "commitments");
        commitments.forEach(c -> c.put("commitment", "对照问题清单逐项整改"));
        return values("rectificationItems", items, "commitments", commitments);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listOf(Map<String, Object> values, String key) {
        return (List<Map<String, Object>>) values.get(key);
    }

    @Test
    void everyCommitteeProblemNeedsARectificationItem() {
        CycleDriver cycle = rectificationOf(2022);
        Map<String, Object> plan = rectification(cycle, "2023-06-30");

        // when the second problem's item is dropped, then refused naming the problem
        List<Map<String, Object>> items = listOf(plan, "rectificationItems");
        plan.put("rectificationItems", items.subList(0, 1));
        refused(cycle, "planRectification", plan, "问题清单中的每个问题都要有整改措施，缺少：为群众办实事不够主动");

        // when it is there but without a measure, then refused too
        items.get(1).put("measure", null);
        plan.put("rectificationItems", items);
        refused(cycle, "planRectification", plan, "请填写「整改措施」", "缺少：为群众办实事不够主动");

        // when every problem has its item, then accepted (an extra item of the branch's own is fine)
        items.get(1).put("measure", "每季度走访困难群众");
        List<Map<String, Object>> withExtra = new ArrayList<>(items);
        withExtra.add(values("problem", "党员活动阵地设施陈旧", "measure", "更新活动室设备", "deadline", "2023-09-30",
                "responsible", "张晓明"));
        plan.put("rectificationItems", withExtra);
        cycle.complete("planRectification", plan);
        assertThat(rows("rectification_item", cycle)).isEqualTo(3);
    }

    @Test
    void everyDeadlineLiesWithinTheYearOfRectification() {
        // given DDG-03's 2023 cycle, rectified in 2024 (today 2024-02-21)
        CycleDriver cycle = rectificationOf(2023);

        refused(cycle, "planRectification", rectification(cycle, "2025-01-15"), "整改时限须在 2024 年内：2025-01-15");
        refused(cycle, "planRectification", rectification(cycle, "2023-12-31"), "整改时限须在 2024 年内：2023-12-31");
        refused(cycle, "planRectification", rectification(cycle, null), "请填写「整改时限」");

        cycle.complete("planRectification", rectification(cycle, "2024-12-31"));
        assertThat(rows("rectification_item", cycle)).isEqualTo(2);
    }

    @Test
    void everyMemberMakesACommitment() {
        CycleDriver cycle = rectificationOf(2024);
        Map<String, Object> plan = rectification(cycle, "2025-06-30");
        List<Map<String, Object>> commitments = listOf(plan, "commitments");
        assertThat(commitments).hasSize(28);

        // when 魏晋华 (DDG03-021) has no commitment, then refused naming him
        item(commitments, "DDG03-021").put("commitment", " ");
        refused(cycle, "planRectification", plan, "魏晋华（DDG03-021）：请填写「整改承诺」",
                "党员 魏晋华（DDG03-021）还没有作出整改承诺");

        // when he is missing from the list altogether, then refused too
        plan.put("commitments", commitments.stream().filter(c -> !"DDG03-021".equals(c.get("memberId"))).toList());
        refused(cycle, "planRectification", plan, "党员 魏晋华（DDG03-021）还没有作出整改承诺");

        item(commitments, "DDG03-021").put("commitment", "认真反思，接受组织监督");
        plan.put("commitments", commitments);
        cycle.complete("planRectification", plan);
        assertThat(rows("commitment", cycle)).isEqualTo(28);
    }
}
