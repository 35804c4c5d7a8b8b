package org.orglife.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.CycleProcessTest;
import org.orglife.cycle.TestClock;
import org.orglife.review.CycleTables;

/**
 * After rating, each member rated 不合格 gets an {@code unqualified-member-disposition} of their own:
 * the branch decides (education first); 限期改正 needs no approval, 劝其退党 and 除名 go to the township
 * office, which may return them with a reason.
 */
class UnqualifiedMemberDispositionTest extends CycleProcessTest {


    /** DDG-10 rated with the given grades for DDG10-001, -002 and -004, and the jobs after rating run. */
    CycleDriver ratedCycle(int year, String... grades) {
        TestClock.at(year + 1, 2, 21);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-10", year).jumpTo("rateMembers");
        List<Map<String, Object>> ratings = cycle.list("rateMembers", "ratings");
        for (int i = 0; i < grades.length; i++) {
            ratings.get(i).put("grade", grades[i]);
            ratings.get(i).put("basis", i == 2 ? "长期不参加组织生活，不缴纳党费，测评不合格票过半" : "表现良好");
            ratings.get(i).put("feedbackGiven", true);
        }
        cycle.complete("rateMembers", Map.of("ratings", ratings));
        cycle.runJobs();
        return cycle;
    }

    ProcessInstance instance(CycleDriver driver) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(driver.processInstanceId)
                .singleResult();
    }

    Map<String, Object> disposition(String cycleId, String memberId) {
        return jdbc.sql("""
                select disposition, correction_deadline, township_approved, status from disposition
                where cycle_id = ? and member_id = ?""").params(cycleId, memberId).query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("disposition", rs.getString("disposition"));
                    row.put("correctionDeadline", rs.getString("correction_deadline"));
                    row.put("townshipApproved", rs.getObject("township_approved"));
                    row.put("status", rs.getString("status"));
                    return row;
                }).single();
    }

    static Map<String, Object> decision(String disposition, String deadline, String decidedOn) {
        Map<String, Object> values = new HashMap<>();
        values.put("educationPlan", "支部书记每月谈心一次，安排结对帮带");
        values.put("disposition", disposition);
        values.put("correctionDeadline", deadline);
        values.put("decidedOn", decidedOn);
        return values;
    }

    @Test
    void eachUnqualifiedMemberGetsADispositionAndCorrectionWithinADeadlineNeedsNoApproval() {
        // given DDG-10 rating 袁丽芳 (DDG10-002) and 薛思远 (DDG10-004) 不合格
        CycleDriver cycle = ratedCycle(2026, "QUALIFIED", "UNQUALIFIED", "UNQUALIFIED");

        // then each has a disposition process of their own
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("unqualified-member-disposition").processInstanceBusinessKeyLike("2026-DDG-10-%")
                .list()).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("2026-DDG-10-DDG10-002", "2026-DDG-10-DDG10-004");
        CycleDriver disposition = CycleDriver.of(engine, "2026-DDG-10-DDG10-004");
        ProcessInstance dispositionInstance = instance(disposition);
        assertThat(disposition.task("decideDisposition")).as("the secretary's, the branch's group its candidates")
                .isAssignedTo("sec-DDG-10");
        assertThat(engine.getTaskService().getIdentityLinksForTask(disposition.task("decideDisposition").getId()))
                .extracting(link -> link.getGroupId()).contains("branch-DDG-10");
        assertThat(disposition.variable("decideDisposition", "memberSummary").toString())
                .contains("薛思远（DDG10-004）", "长期不参加组织生活");
        assertThat(disposition("2026-DDG-10", "DDG10-004")).containsEntry("status", "OPEN");

        // when 限期改正 is chosen without a deadline, or with one before the decision, then refused
        Map<String, Integer> before = CycleTables.count(jdbc);
        assertThat(disposition.refuse("decideDisposition", decision("CORRECT_WITHIN_DEADLINE", null, "2027-02-25"))
                .getMessage()).contains("请填写「改正期限」");
        assertThat(disposition.refuse("decideDisposition",
                decision("CORRECT_WITHIN_DEADLINE", "2027-02-20", "2027-02-25")).getMessage())
                .contains("改正期限须晚于支部决定日期");
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);

        // when 限期改正 is decided properly
        disposition.complete("decideDisposition", decision("CORRECT_WITHIN_DEADLINE", "2027-08-31", "2027-02-25"));
        disposition.runJobs();

        // then it is settled without the township (recorded below by serviceTask_recordDisposition)
        assertThat(dispositionInstance).isEnded().hasPassed("decideDisposition").hasNotPassed("approveDisposition");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(dispositionInstance.getId()).singleResult().getEndActivityId())
                .isEqualTo("endEvent_dispositionDone");
        assertThat(disposition("2026-DDG-10", "DDG10-004")).containsEntry("disposition", "CORRECT_WITHIN_DEADLINE")
                .containsEntry("correctionDeadline", "2027-08-31").containsEntry("townshipApproved", null)
                .containsEntry("status", "DONE");
        assertThat(disposition("2026-DDG-10", "DDG10-002")).containsEntry("status", "OPEN");
    }

    @Test
    void expulsionGoesToTheTownshipOfficeWhichMayReturnItWithAReason() {
        ratedCycle(2027, "QUALIFIED", "QUALIFIED", "UNQUALIFIED");
        CycleDriver disposition = CycleDriver.of(engine, "2027-DDG-10-DDG10-004");
        ProcessInstance dispositionInstance = instance(disposition);
        assertThat(disposition.variable("decideDisposition", "dispositionReturnReason")).isNull();

        // when the branch decides 除名
        disposition.complete("decideDisposition", decision("EXPEL", null, "2028-02-25"));

        // then the township office must approve
        assertThat(disposition.openTasks()).containsExactly("approveDisposition");
        assertThat(disposition.task("approveDisposition")).hasCandidateGroup("township-office");
        assertThat(disposition.variable("approveDisposition", "dispositionSummary").toString())
                .contains("薛思远", "除名", "2028-02-25", "结对帮带");

        // when it returns it without a reason, then refused; with a reason, back to the branch
        Map<String, Integer> before = CycleTables.count(jdbc);
        assertThat(disposition.refuse("approveDisposition", Map.of("dispositionDecision", "RETURN")).getMessage())
                .contains("请填写「退回原因」");
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);
        disposition.complete("approveDisposition", Map.of("dispositionDecision", "RETURN",
                "dispositionReturnReason", "教育转化不足，应先劝其退党"));

        // then the branch sees the reason and its earlier decision
        assertThat(disposition.openTasks()).containsExactly("decideDisposition");
        assertThat(disposition.variable("decideDisposition", "dispositionReturnReason")).isEqualTo("教育转化不足，应先劝其退党");
        assertThat(disposition.variable("decideDisposition", "disposition")).isEqualTo("EXPEL");
        assertThat(disposition.variable("decideDisposition", "educationPlan")).isEqualTo("支部书记每月谈心一次，安排结对帮带");

        // when the branch decides 劝其退党 and the office approves
        disposition.complete("decideDisposition", decision("PERSUADE_TO_WITHDRAW", null, "2028-03-05"));
        assertThat(disposition.variable("approveDisposition", "dispositionSummary").toString()).contains("劝其退党");
        disposition.complete("approveDisposition", Map.of("dispositionDecision", "APPROVE"));
        disposition.runJobs();

        // then it is settled as approved, both rounds kept
        assertThat(dispositionInstance).isEnded().hasPassedInOrder("decideDisposition", "approveDisposition",
                "decideDisposition", "approveDisposition");
        assertThat(disposition("2027-DDG-10", "DDG10-004")).containsEntry("disposition", "PERSUADE_TO_WITHDRAW")
                .containsEntry("townshipApproved", true).containsEntry("status", "DONE");
        assertThat(jdbc.sql("select approved, reason from review_decision where cycle_id = ? and subject = ? order by id")
                .params("2027-DDG-10", "DISPOSITION-DDG10-004")
                .query((rs, n) -> tuple(rs.getBoolean(1), rs.getString(2))).list())
                .containsExactly(tuple(false, "教育转化不足，应先劝其退党"), tuple(true, null));
    }
}
