package org.orglife.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.CycleProcessTest;
import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.CycleRecords.Problem;
import org.orglife.cycle.TestClock;
import org.orglife.form.Choices.FoundBy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The township office's two return loops (SPEC §3): a returned work plan comes back to
 * {@code draftWorkPlan} with the reason shown, and a perfunctory rectification list comes back to
 * {@code planRectification} with the criticism shown, each as often as needed, each round kept.
 */
class WorkPlanAndFilingReturnsTest extends CycleProcessTest {

    @Autowired CycleRecords records;

    ProcessInstance instance(CycleDriver cycle) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cycle.processInstanceId)
                .singleResult();
    }

    List<Map<String, Object>> decisions(CycleDriver cycle, String subject) {
        return jdbc.sql("select approved, reason from review_decision where cycle_id = ? and subject = ? order by id")
                .params(cycle.businessKey, subject)
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("approved", rs.getBoolean("approved"));
                    row.put("reason", rs.getString("reason"));
                    return row;
                }).list();
    }

    static Map<String, Object> plan(String venue) {
        return Map.of("committeeMeetingOn", "2023-02-14", "membersMeetingOn", "2023-02-16", "venue", venue,
                "studyTopics", "学习党的二十大精神", "membersMeetingForm", "WHOLE");
    }

    @Test
    void aReturnedPlanComesBackWithTheReasonUntilItIsApproved() {
        // given DDG-10's 2022 cycle with a drafted plan
        TestClock.at(2023, 2, 6);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-10", 2022);
        assertThat(cycle.variable("draftWorkPlan", "planReturnReason")).isNull();
        cycle.complete("draftWorkPlan", plan("公司会议室"));
        assertThat(cycle.task("reviewWorkPlan")).hasCandidateGroup("township-office");
        assertThat(cycle.variable("reviewWorkPlan", "planSummary").toString()).contains("2023-02-16", "公司会议室");

        // when the office returns it without saying why, then refused
        Map<String, Integer> before = CycleTables.count(jdbc);
        assertThat(cycle.refuse("reviewWorkPlan", Map.of("planDecision", "RETURN")).getMessage())
                .contains("请填写「退回原因」");
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);

        // when it returns it with a reason
        cycle.complete("reviewWorkPlan", Map.of("planDecision", "RETURN", "planReturnReason", "会议地点太小，请调整"));

        // then the branch has its plan back, as drafted, with the reason shown
        assertThat(cycle.openTasks()).containsExactly("draftWorkPlan");
        assertThat(cycle.task("draftWorkPlan")).as("the secretary's, the branch's group its candidates")
                .isAssignedTo("sec-DDG-10");
        assertThat(engine.getTaskService().getIdentityLinksForTask(cycle.task("draftWorkPlan").getId()))
                .extracting(link -> link.getGroupId()).contains("branch-DDG-10");
        assertThat(cycle.variable("draftWorkPlan", "planReturnReason")).isEqualTo("会议地点太小，请调整");
        assertThat(cycle.variable("draftWorkPlan", "venue")).isEqualTo("公司会议室");
        assertThat(cycle.variable("draftWorkPlan", "membersMeetingOn")).isEqualTo("2023-02-16");

        // when returned a second time and then approved
        cycle.complete("draftWorkPlan", plan("物流园区党群服务中心"));
        assertThat(cycle.variable("reviewWorkPlan", "planReturnReason")).as("the office decides afresh").isNull();
        cycle.complete("reviewWorkPlan", Map.of("planDecision", "RETURN", "planReturnReason", "请补充不能参会党员的安排"));
        assertThat(cycle.variable("draftWorkPlan", "planReturnReason")).isEqualTo("请补充不能参会党员的安排");
        assertThat(cycle.variable("draftWorkPlan", "venue")).isEqualTo("物流园区党群服务中心");
        Map<String, Object> completed = new HashMap<>(plan("物流园区党群服务中心"));
        completed.put("absenteeArrangements", "外出党员通过视频参会");
        cycle.complete("draftWorkPlan", completed);
        cycle.complete("reviewWorkPlan", Map.of("planDecision", "APPROVE"));

        // then the preparation steps open, and every round is kept
        assertThat(cycle.openTasks()).containsExactly("examineProblems", "organizeStudy", "solicitOpinions");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(cycle.processInstanceId).activityId("draftWorkPlan").count()).isEqualTo(3);
        assertThat(instance(cycle)).hasPassedInOrder("draftWorkPlan", "reviewWorkPlan", "draftWorkPlan",
                "reviewWorkPlan", "draftWorkPlan", "reviewWorkPlan");
        assertThat(decisions(cycle, "WORK_PLAN")).extracting(d -> d.get("approved"), d -> d.get("reason"))
                .containsExactly(
                        tuple(false, "会议地点太小，请调整"),
                        tuple(false, "请补充不能参会党员的安排"),
                        tuple(true, null));
        assertThat(records.workPlan(cycle.businessKey).orElseThrow().absenteeArrangements()).isEqualTo("外出党员通过视频参会");
    }

    static Map<String, Object> rectification(List<Map<String, Object>> items, List<Map<String, Object>> commitments,
            String measure) {
        List<Map<String, Object>> filled = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Map<String, Object> copy = new HashMap<>(item);
            copy.put("measure", measure);
            copy.put("deadline", "2024-06-30");
            copy.put("responsible", "朱亮");
            filled.add(copy);
        }
        commitments.forEach(c -> c.put("commitment", "带头学习，按时参加组织生活"));
        return Map.of("rectificationItems", filled, "commitments", commitments);
    }

    Job publicityTimer(CycleDriver cycle) {
        return engine.getManagementService().createJobQuery().processInstanceId(cycle.processInstanceId).timers()
                .singleResult();
    }

    @Test
    void aPerfunctoryListComesBackWithTheCriticismUntilItIsFiled() {
        // given DDG-10's 2023 cycle at rectification, its committee having listed two problems
        TestClock.at(2024, 2, 21);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-10", 2023);
        records.saveProblems(cycle.businessKey, List.of(
                new Problem(1, "政治功能", "理论学习不够系统", FoundBy.SELF),
                new Problem(2, "组织力", "发挥党员作用的载体不多", FoundBy.MASSES)), null);
        cycle.jumpTo("planRectification");
        assertThat(cycle.variable("planRectification", "filingCriticism")).isNull();
        List<Map<String, Object>> items = cycle.list("planRectification", "rectificationItems");
        assertThat(items).extracting(i -> i.get("problemId"), i -> i.get("problem")).containsExactly(
                tuple(1, "理论学习不够系统"),
                tuple(2, "发挥党员作用的载体不多"));

        // when the list is made and its publicity (5 working days from Wed 21 Feb) is over
        cycle.complete("planRectification", rectification(items, cycle.list("planRectification", "commitments"),
                "加强学习"));
        assertThat(cycle.openTasks()).containsExactly("recordPublicityFeedback");
        assertThat(cycle.variable("recordPublicityFeedback", "publicityEndsOn")).isEqualTo("2024-02-28");
        assertThat(publicityTimer(cycle).getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.of(2024, 2, 29, 0, 0, 0, 0, TestClock.SHANGHAI).toInstant());
        TestClock.at(2024, 2, 28);
        cycle.runJobs();
        assertThat(cycle.openTasks()).as("not before the period is over").containsExactly("recordPublicityFeedback");
        TestClock.at(2024, 2, 29);
        cycle.runJobs();

        // then the township office reviews the filing
        assertThat(cycle.openTasks()).containsExactly("reviewFiling");
        assertThat(cycle.task("reviewFiling")).hasCandidateGroup("township-office");
        assertThat(cycle.variable("reviewFiling", "filingSummary").toString())
                .contains("理论学习不够系统", "措施：加强学习", "时限：2024-06-30", "责任人：朱亮");

        // when it returns the list as perfunctory without criticism, then refused
        Map<String, Integer> before = CycleTables.count(jdbc);
        assertThat(cycle.refuse("reviewFiling", Map.of("filingDecision", "RETURN")).getMessage())
                .contains("请填写「批评意见」");
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);

        // when it returns it with its criticism
        cycle.complete("reviewFiling", Map.of("filingDecision", "RETURN", "filingCriticism", "整改措施过于笼统，敷衍应付"));

        // then the branch has its list back, as made, with the criticism shown
        assertThat(cycle.openTasks()).containsExactly("planRectification");
        assertThat(cycle.variable("planRectification", "filingCriticism")).isEqualTo("整改措施过于笼统，敷衍应付");
        List<Map<String, Object>> returned = cycle.list("planRectification", "rectificationItems");
        assertThat(returned).extracting(i -> i.get("measure")).containsExactly("加强学习", "加强学习");
        assertThat(cycle.list("planRectification", "commitments")).extracting(c -> c.get("commitment"))
                .containsOnly("带头学习，按时参加组织生活");

        // when it is made concrete, published again and accepted
        cycle.complete("planRectification", rectification(returned, cycle.list("planRectification", "commitments"),
                "每月第一周组织一次专题学习，支部书记讲党课"));
        cycle.complete("recordPublicityFeedback", Map.of("publicityFeedback", List.of(
                Map.of("receivedOn", "2024-03-01", "content", "建议增加志愿服务", "handling", "已纳入整改清单"))));
        TestClock.at(2024, 3, 8);
        cycle.runJobs();
        assertThat(cycle.variable("reviewFiling", "filingCriticism")).as("the office decides afresh").isNull();
        cycle.complete("reviewFiling", Map.of("filingDecision", "ACCEPT"));
        cycle.runJobs();

        // then the cycle is filed and moves on to the statistics, every round kept
        assertThat(cycle.openTasks()).containsExactly("submitStatistics");
        assertThat(instance(cycle)).hasPassedInOrder("planRectification", "timerEvent_publicityEnded", "reviewFiling",
                "planRectification", "recordPublicityFeedback", "reviewFiling");
        assertThat(decisions(cycle, "FILING")).extracting(d -> d.get("approved"), d -> d.get("reason")).containsExactly(
                tuple(false, "整改措施过于笼统，敷衍应付"),
                tuple(true, null));
        assertThat(jdbc.sql("select filed_on from review_cycle where id = ?").param(cycle.businessKey)
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(java.time.LocalDate.of(2024, 3, 8));
        assertThat(jdbc.sql("select measure from rectification_item where cycle_id = ? order by seq")
                .param(cycle.businessKey).query(String.class).list())
                .containsOnly("每月第一周组织一次专题学习，支部书记讲党课");
    }
}
