package org.orglife.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleArchive;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.CycleProcessTest;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole year of the tiny branch DDG-10 (3 formal members, 1 probationary) through every task in
 * order, with one plan return and one filing return, as Tasklist would submit it.
 */
class BranchAnnualReviewScenarioTest extends CycleProcessTest {

    @Autowired CycleArchive archive;
    @Autowired ReviewCycleRepository cycles;

    @BeforeEach
    void at21February2022() {
        at(2022, 2, 21);
    }

    static void at(int year, int month, int day) {
        TestClock.at(year, month, day);
    }

    @Test
    void aBranchWorksTheWholeYearInOrderAndEverythingIsKept() {
        reviewCycles.start("DDG-10", 2021, Map.of());
        CycleDriver cycle = CycleDriver.of(engine, "2021-DDG-10");
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(cycle.processInstanceId).singleResult();

        cycle.complete("draftWorkPlan", plan());
        cycle.complete("reviewWorkPlan", Map.of("planDecision", "RETURN", "planReturnReason", "请补充学习研讨内容"));
        assertThat(cycle.variable("draftWorkPlan", "planReturnReason")).isEqualTo("请补充学习研讨内容");
        assertThat(cycle.variable("draftWorkPlan", "venue")).isEqualTo("公司会议室");
        cycle.complete("draftWorkPlan", plan());
        cycle.complete("reviewWorkPlan", Map.of("planDecision", "APPROVE"));

        assertThat(cycle.openTasks()).containsExactly("examineProblems", "organizeStudy", "solicitOpinions");
        List<Map<String, Object>> study = cycle.list("organizeStudy", "studyAttendance");
        assertThat(study).extracting(m -> m.get("memberId"))
                .containsExactly("DDG10-001", "DDG10-002", "DDG10-003", "DDG10-004");
        study.get(2).put("present", false);
        study.get(2).put("absenceReason", "外出务工");
        study.get(2).put("materialsDelivered", true);
        cycle.complete("organizeStudy", Map.of("studyHeldOn", "2022-02-16", "studyTopics", "党的十九届六中全会精神",
                "studyAttendance", study));
        List<Map<String, Object>> hearings = cycle.list("solicitOpinions", "hearings");
        assertThat(hearings).extracting(m -> m.get("memberId")).contains("DDG10-003");
        hearings.forEach(h -> h.put("heard", true));
        cycle.complete("solicitOpinions", Map.of(
                "opinions", List.of(Map.of("source", "群众座谈", "content", "希望支部多组织志愿服务")),
                "talksCommitteeCommittee", 2, "talksCommitteeMember", 4, "talksMemberMember", 3, "hearings", hearings));
        cycle.complete("examineProblems", Map.of("committeeProblems", List.of(
                Map.of("category", "政治功能", "description", "理论学习不够系统", "foundBy", "SELF"),
                Map.of("category", "组织力", "description", "发挥党员作用的载体不多", "foundBy", "MASSES")),
                "memberProblemCount", 6));

        assertThat(cycle.openTasks()).containsExactly("attendAndComment", "holdCommitteeMeeting", "holdMembersMeeting");
        cycle.complete("holdCommitteeMeeting", Map.of("committeeHeldOn", "2022-02-18", "committeeAttendees", "朱亮、袁丽芳",
                "committeeMode", "FACE_TO_FACE"));
        List<Map<String, Object>> attendance = cycle.list("holdMembersMeeting", "attendance");
        List<Map<String, Object>> tallies = cycle.list("holdMembersMeeting", "tallies");
        assertThat(tallies.get(2).get("note").toString()).contains("无表决权");
        fillTallies(tallies);
        cycle.complete("holdMembersMeeting", Map.of("membersHeldOn", "2022-02-20", "membersMeetingForm", "WHOLE",
                "attendance", attendance, "committeeAppraisal", "支部委员会工作总体满意", "tallies", tallies));
        cycle.complete("attendAndComment", Map.of("attendedCommitteeMeeting", true, "attendedMembersMeeting", true,
                "liaisonComment", "会议准备充分，批评和自我批评开展得较好"));

        List<Map<String, Object>> ratings = cycle.list("rateMembers", "ratings");
        assertThat(ratings).extracting(m -> m.get("memberId")).containsExactly("DDG10-001", "DDG10-002", "DDG10-004");
        assertThat(ratings.get(0).get("tallySummary")).isEqualTo("优秀 2 / 合格 1 / 基本合格 0 / 不合格 0");
        assertThat(cycle.variable("rateMembers", "notGradedSummary").toString()).contains("许昊");
        assertThat(cycle.variable("rateMembers", "excellentCap").toString())
                .isEqualTo("本支部正式党员 3 名，评为优秀的一般不超过 1 名；党员大会到会 4 名、远程参会 0 名，到会率 100.0%（仅供参考）");
        grade(ratings, "EXCELLENT", "QUALIFIED", "UNQUALIFIED");
        // the secretary grades, signed in as in Tasklist: the audit trail names them
        engine.getIdentityService().setAuthentication("sec-DDG-10", List.of("branch-DDG-10", "branch-secretaries"),
                List.of("DDG"));
        try {
            cycle.complete("rateMembers", Map.of("ratings", ratings));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        cycle.runJobs();

        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("2021-DDG-10-DDG10-004").count()).isEqualTo(1);
        List<Map<String, Object>> items = cycle.list("planRectification", "rectificationItems");
        assertThat(items).hasSize(2);
        List<Map<String, Object>> commitments = cycle.list("planRectification", "commitments");
        cycle.complete("planRectification", rectification(items, commitments));

        assertThat(cycle.openTasks()).containsExactly("recordPublicityFeedback");
        cycle.complete("recordPublicityFeedback", Map.of("publicityFeedback", List.of(
                Map.of("receivedOn", "2022-02-22", "content", "整改时限可以再提前", "handling", "已调整"))));
        at(2022, 3, 1);
        cycle.runJobs();
        cycle.complete("reviewFiling", Map.of("filingDecision", "RETURN", "filingCriticism", "整改措施过于笼统，敷衍应付"));
        assertThat(cycle.variable("planRectification", "filingCriticism")).isEqualTo("整改措施过于笼统，敷衍应付");
        cycle.complete("planRectification", rectification(cycle.list("planRectification", "rectificationItems"),
                cycle.list("planRectification", "commitments")));
        cycle.complete("recordPublicityFeedback", Map.of("publicityFeedback", List.of()));
        at(2022, 3, 10);
        cycle.runJobs();
        cycle.complete("reviewFiling", Map.of("filingDecision", "ACCEPT"));
        cycle.runJobs();

        assertThat(cycle.variable("submitStatistics", "membersTotal")).isEqualTo(4);
        assertThat(cycle.variable("submitStatistics", "excellent")).isEqualTo(1);
        assertThat(cycle.variable("submitStatistics", "notGraded")).isEqualTo(1);
        Map<String, Object> statistics = new HashMap<>();
        org.orglife.statistics.BranchStatistics.COLUMNS.keySet()
                .forEach(key -> statistics.put(key, cycle.variable("submitStatistics", key)));
        statistics.put("meetingHeld", true);
        statistics.put("statisticsConfirmed", true);
        cycle.complete("submitStatistics", statistics);
        cycle.runJobs();

        // the service tasks' work (forwarding, filing, closing) shows in the archive below
        assertThat(instance).isEnded().hasPassedInOrder("draftWorkPlan", "reviewWorkPlan", "organizeStudy",
                "holdMembersMeeting", "rateMembers", "planRectification", "recordPublicityFeedback", "reviewFiling",
                "submitStatistics");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(cycle.processInstanceId).singleResult().getEndActivityId())
                .isEqualTo("endEvent_cycleCompleted");
        assertThat(instance).hasPassed("solicitOpinions", "examineProblems", "holdCommitteeMeeting", "attendAndComment",
                "timerEvent_publicityEnded").hasNotPassed("approveExcellentException");

        Map<String, Object> kept = archive.read(cycles.find("2021-DDG-10").orElseThrow());
        assertThat(kept.get("cycle")).extracting("status").isEqualTo("COMPLETED");
        assertThat(section(kept, "workPlan")).containsEntry("venue", "公司会议室");
        assertThat((List<?>) kept.get("decisions")).hasSize(4);
        assertThat((List<?>) kept.get("studyAbsences")).hasSize(1);
        assertThat((List<?>) kept.get("opinions")).hasSize(1);
        assertThat((List<?>) kept.get("problems")).hasSize(2);
        assertThat((List<?>) kept.get("meetings")).hasSize(2);
        assertThat((List<?>) kept.get("attendance")).hasSize(4);
        assertThat((List<?>) kept.get("tallies")).hasSize(4);
        assertThat(section(kept, "liaisonComment")).containsEntry("commentedBy", "system");
        assertThat((List<?>) kept.get("ratings")).hasSize(3);
        assertThat((List<?>) kept.get("rectificationItems")).hasSize(2);
        assertThat((List<?>) kept.get("commitments")).hasSize(4);
        assertThat((List<?>) kept.get("dispositions")).hasSize(1);
        assertThat(section(kept, "statistics")).containsEntry("excellent", 1);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(cycle.processInstanceId).variableName("ratings").list())
                .as("form lists are task-local, kept in our tables, not in the engine history").isEmpty();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(cycle.processInstanceId).variableName("planApproved").list())
                .as("the routing decisions are process variables and stay in the history").isNotEmpty();
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(cycle.processInstanceId)
                .count()).as("history level orglife: no row per variable change or form field").isZero();
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(cycle.processInstanceId)
                .finished().count()).as("the rest of full history is kept").isGreaterThanOrEqualTo(13);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> audit = (List<Map<String, Object>>) kept.get("audit");
        assertThat(audit).filteredOn(e -> "评定等次".equals(e.get("action")))
                .extracting(e -> e.get("memberId"), e -> e.get("detail"), e -> e.get("actor"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DDG10-001", "优秀", "sec-DDG-10"),
                        org.assertj.core.groups.Tuple.tuple("DDG10-002", "合格", "sec-DDG-10"),
                        org.assertj.core.groups.Tuple.tuple("DDG10-004", "不合格", "sec-DDG-10"));
        assertThat(audit).allSatisfy(e -> assertThat(e.get("occurredAt")).isNotNull());
        assertThat(audit).filteredOn(e -> "draftWorkPlan".equals(e.get("step"))).extracting(e -> e.get("action"))
                .as("the returned plan filed again is a change").containsExactly("填报", "修改");
        assertThat(audit).filteredOn(e -> "planRectification".equals(e.get("step"))).extracting(e -> e.get("action"))
                .containsExactly("填报", "修改");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> archive, String name) {
        return (Map<String, Object>) archive.get(name);
    }

    static Map<String, Object> plan() {
        return Map.of("committeeMeetingOn", "2022-02-18", "membersMeetingOn", "2022-02-20", "venue", "公司会议室",
                "studyTopics", "学习党的十九届六中全会精神", "membersMeetingForm", "WHOLE");
    }

    static void fillTallies(List<Map<String, Object>> tallies) {
        for (Map<String, Object> t : tallies) {
            t.put("excellent", 1);
            t.put("qualified", 2);
        }
        tallies.get(0).put("excellent", 2);
        tallies.get(0).put("qualified", 1);
    }

    static void grade(List<Map<String, Object>> ratings, String... grades) {
        for (int i = 0; i < grades.length; i++) {
            ratings.get(i).put("grade", grades[i]);
            ratings.get(i).put("basis", "日常表现和测评结果");
            ratings.get(i).put("feedbackGiven", true);
        }
    }

    static Map<String, Object> rectification(List<Map<String, Object>> items, List<Map<String, Object>> commitments) {
        List<Map<String, Object>> filled = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Map<String, Object> copy = new HashMap<>(item);
            copy.put("measure", "每月开展一次专题学习");
            copy.put("deadline", "2022-06-30");
            copy.put("responsible", "朱亮");
            filled.add(copy);
        }
        commitments.forEach(c -> c.put("commitment", "带头学习，按时参加组织生活"));
        return Map.of("rectificationItems", filled, "commitments", commitments);
    }
}
