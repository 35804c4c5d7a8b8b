package org.orglife.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
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
 * R5: members floating to another branch of the township are appraised there; the inflow branch's
 * opinion reaches the home branch's running cycle by the message {@code floatingOpinionReceived}
 * and shows at its {@code rateMembers}. An outside organization's opinion is typed in at home.
 * Demo roster: DDG-06 (泽丰农业科技有限公司党支部) hosts DDG01-044, DDG01-045, DDG02-044, DDG07-058,
 * DDG08-020 and DDG09-008; DDG01-008 floats to an organization outside the township.
 */
class FloatingMemberOpinionTest extends CycleProcessTest {

    static final String BASIS = "日常表现良好，测评结果较好";


    CycleDriver ratingOf(String branchCode, int year) {
        return CycleDriver.start(engine, reviewCycles, branchCode, year).jumpTo("rateMembers");
    }

    ProcessInstance instance(CycleDriver cycle) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cycle.processInstanceId)
                .singleResult();
    }

    static List<Map<String, Object>> allQualified(List<Map<String, Object>> ratings) {
        ratings.forEach(r -> {
            r.put("grade", "QUALIFIED");
            r.put("basis", BASIS);
            r.put("feedbackGiven", true);
        });
        return ratings;
    }

    static Map<String, Object> item(List<Map<String, Object>> items, String memberId) {
        return items.stream().filter(i -> memberId.equals(i.get("memberId"))).findFirst().orElseThrow();
    }

    Map<String, Object> opinionRow(int year, String memberId) {
        return jdbc.sql("""
                select from_branch, from_org, opinion, suggested_grade, delivered_at from floating_opinion
                where review_year = ? and member_id = ?""").params(year, memberId).query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("fromBranch", rs.getString("from_branch"));
                    row.put("fromOrg", rs.getString("from_org"));
                    row.put("opinion", rs.getString("opinion"));
                    row.put("suggestedGrade", rs.getString("suggested_grade"));
                    row.put("deliveredAt", rs.getTimestamp("delivered_at"));
                    return row;
                }).single();
    }

    @Test
    void theInflowBranchsOpinionReachesTheHomeBranchsRunningCycle() {
        // given DDG-01 rating its members in 2021, its two members in DDG-06 not yet appraised there
        TestClock.at(2022, 2, 21);
        CycleDriver home = ratingOf("DDG-01", 2021);
        assertThat(home.variable("rateMembers", "guestOpinionsReceived").toString())
                .contains("赵海波（流入泽丰农业科技有限公司党支部）：尚未收到意见", "谭宏伟（流入泽丰农业科技有限公司党支部）：尚未收到意见");

        // and DDG-06 rating in 2021, listing its guests from other branches
        CycleDriver inflow = ratingOf("DDG-06", 2021);
        List<Map<String, Object>> guests = inflow.list("rateMembers", "guests");
        assertThat(guests).extracting(g -> g.get("memberId"), g -> g.get("homeBranch")).containsExactly(
                tuple("DDG01-044", "大东沟村党支部"), tuple("DDG01-045", "大东沟村党支部"), tuple("DDG02-044", "西岭村党支部"),
                tuple("DDG07-058", "南庄村党总支"), tuple("DDG08-020", "北坡村党支部"), tuple("DDG09-008", "东山村党支部"));
        assertThat(inflow.list("rateMembers", "ratings")).extracting(r -> r.get("memberId"))
                .as("guests are not graded here").doesNotContain("DDG01-044", "DDG07-058");

        // when DDG-06 gives its opinion on 赵海波 (home cycle running) and 林俊豪 (home cycle not started)
        item(guests, "DDG01-044").put("opinion", "工作积极肩负技术骨干责任，按时参加支部组织生活");
        item(guests, "DDG01-044").put("suggestedGrade", "EXCELLENT");
        item(guests, "DDG07-058").put("opinion", "能够参加流入地支部活动");
        inflow.complete("rateMembers", Map.of("ratings", allQualified(inflow.list("rateMembers", "ratings")),
                "guests", guests));
        assertThat(opinionRow(2021, "DDG01-044")).containsEntry("fromBranch", "DDG-06")
                .containsEntry("fromOrg", "泽丰农业科技有限公司党支部").containsEntry("suggestedGrade", "EXCELLENT")
                .containsEntry("deliveredAt", null);
        inflow.runJobs();

        // then the home cycle received it by message and shows it in its open rating form
        assertThat(forwardingRuns(inflow)).isEqualTo(1);
        assertThat(instance(home)).hasPassed("eventSubProcess_floatingOpinion").isWaitingAt("rateMembers");
        assertThat(home.variable("rateMembers", "guestOpinionsReceived").toString()).contains(
                "赵海波（流入泽丰农业科技有限公司党支部）：工作积极肩负技术骨干责任，按时参加支部组织生活；建议等次：优秀",
                "谭宏伟（流入泽丰农业科技有限公司党支部）：尚未收到意见");
        assertThat(opinionRow(2021, "DDG01-044").get("deliveredAt")).isNotNull();

        // and a home cycle that was not running keeps nothing waiting: it reads the opinion when it rates
        assertThat(opinionRow(2021, "DDG07-058").get("deliveredAt")).isNull();
        CycleDriver later = ratingOf("DDG-07", 2021);
        assertThat(later.variable("rateMembers", "guestOpinionsReceived").toString())
                .contains("林俊豪（流入泽丰农业科技有限公司党支部）：能够参加流入地支部活动");
    }

    @Test
    void anOutsideOrganizationsOpinionIsTypedInByTheHomeBranch() {
        // given DDG-01 rating in 2022: 任子健 (DDG01-008) floats to an organization outside the township
        TestClock.at(2023, 2, 21);
        CycleDriver cycle = ratingOf("DDG-01", 2022);
        List<Map<String, Object>> outside = cycle.list("rateMembers", "outsideOpinions");
        assertThat(outside).extracting(o -> o.get("memberId")).contains("DDG01-008")
                .doesNotContain("DDG01-044", "DDG01-045");
        assertThat(item(outside, "DDG01-008").get("inflowOrg")).isEqualTo("郑州市金水区文化路街道怡和社区党委");
        List<Map<String, Object>> ratings = allQualified(cycle.list("rateMembers", "ratings"));

        // when an opinion is typed in for a member who does not float out, then refused, nothing written
        List<Map<String, Object>> wrong = new ArrayList<>(outside);
        wrong.add(new HashMap<>(Map.of("memberId", "DDG01-002", "name", "王玲", "opinion", "表现良好")));
        Map<String, Integer> before = CycleTables.count(jdbc);
        assertThat(cycle.refuse("rateMembers", Map.of("ratings", ratings, "outsideOpinions", wrong)).getMessage())
                .contains("王玲（DDG01-002）：不是本支部的流出党员");
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);

        // when the outside organization's opinion on 任子健 is typed in
        item(outside, "DDG01-008").put("opinion", "在社区志愿服务中表现突出（怡和社区党委2023年1月函告）");
        cycle.complete("rateMembers", Map.of("ratings", ratings, "outsideOpinions", outside));

        // then it is kept as coming from that organization, not from a branch here
        assertThat(opinionRow(2022, "DDG01-008")).containsEntry("fromBranch", null)
                .containsEntry("fromOrg", "郑州市金水区文化路街道怡和社区党委")
                .containsEntry("opinion", "在社区志愿服务中表现突出（怡和社区党委2023年1月函告）");
        cycle.runJobs();
        assertThat(forwardingRuns(cycle)).isEqualTo(1);
        assertThat(opinionRow(2022, "DDG01-008").get("deliveredAt")).as("nothing to forward").isNull();
    }

    /** The job log's successful runs of the cycle's forwarding step (service tasks leave no activity instance). */
    private long forwardingRuns(CycleDriver cycle) {
        return engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(cycle.processInstanceId)
                .activityIdIn("serviceTask_forwardFloatingOpinions").successLog().count();
    }
}
