package org.orglife.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.CycleProcessTest;
import org.orglife.cycle.TestClock;
import org.orglife.form.SubmissionRejectedException;
import org.orglife.review.CycleTables;

/**
 * R1–R4 through the real {@code rateMembers} task, submitted as Tasklist submits it: a submission that
 * breaks a rule is refused with a Chinese message naming the rule and the members, the task stays
 * open and nothing is written; the one-third exception goes to the township office; the eligibility
 * table can be changed without a code change. Each test works its own branch and year; the cycle is
 * moved straight to rating (earlier steps are covered by the scenario and the other focused tests).
 */
class RatingRulesInProcessTest extends CycleProcessTest {

    static final String BASIS = "日常表现良好，测评结果较好";


    CycleDriver ratingOf(String branchCode, int year) {
        TestClock.at(year + 1, 2, 21);
        return CycleDriver.start(engine, reviewCycles, branchCode, year).jumpTo("rateMembers");
    }

    ProcessInstance instance(CycleDriver cycle) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cycle.processInstanceId)
                .singleResult();
    }

    /** The first {@code excellent} members 优秀, the others 合格, each with basis and feedback given. */
    static List<Map<String, Object>> grade(List<Map<String, Object>> ratings, int excellent) {
        for (int i = 0; i < ratings.size(); i++) {
            ratings.get(i).put("grade", i < excellent ? "EXCELLENT" : "QUALIFIED");
            ratings.get(i).put("basis", BASIS);
            ratings.get(i).put("feedbackGiven", true);
        }
        return ratings;
    }

    static Map<String, Object> rated(List<Map<String, Object>> ratings) {
        return Map.of("ratings", ratings);
    }

    static List<Object> names(List<Map<String, Object>> ratings, int from, int to) {
        return ratings.subList(from, to).stream().map(r -> r.get("name")).toList();
    }

    static Map<String, Object> item(List<Map<String, Object>> ratings, String memberId) {
        return ratings.stream().filter(r -> memberId.equals(r.get("memberId"))).findFirst().orElseThrow();
    }

    int ratingRows(CycleDriver cycle) {
        return jdbc.sql("select count(*) from rating where cycle_id = ?").param(cycle.businessKey).query(Integer.class)
                .single();
    }

    @Test
    void excellentRatingsAboveOneThirdAreRefused() {
        // given DDG-05: 17 formal members, so at most 5 优秀
        CycleDriver cycle = ratingOf("DDG-05", 2021);
        List<Map<String, Object>> ratings = cycle.list("rateMembers", "ratings");
        assertThat(ratings).hasSize(17);
        assertThat(cycle.variable("rateMembers", "excellentCap")).isEqualTo("本支部正式党员 17 名，评为优秀的一般不超过 5 名");
        Map<String, Integer> before = CycleTables.count(jdbc);

        // when six are rated 优秀 without a written reason
        SubmissionRejectedException refusal = cycle.refuse("rateMembers", rated(grade(ratings, 6)));

        // then refused naming the rule and the six, and nothing is written
        assertThat(refusal.getMessage()).contains("提交未通过校验，未保存", "（R2）", "评为优秀的有 6 名", "最多 5 名");
        names(ratings, 0, 6).forEach(name -> assertThat(refusal.getMessage()).contains(name.toString()));
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);
        assertThat(cycle.list("rateMembers", "ratings")).allSatisfy(r -> assertThat(r.get("grade")).isNull());
    }

    @Test
    void exactlyOneThirdExcellentIsAccepted() {
        CycleDriver cycle = ratingOf("DDG-05", 2022);

        cycle.complete("rateMembers", rated(grade(cycle.list("rateMembers", "ratings"), 5)));

        assertThat(ratingRows(cycle)).isEqualTo(17);
        assertThat(jdbc.sql("select count(*) from rating where cycle_id = ? and grade = 'EXCELLENT'")
                .param(cycle.businessKey).query(Integer.class).single()).isEqualTo(5);
        assertThat(CycleTables.count(jdbc, "excellent_exception")).isZero();
        assertThat(instance(cycle)).hasPassed("rateMembers").hasNotPassed("approveExcellentException")
                .isWaitingAt("serviceTask_forwardFloatingOpinions");
    }

    @Test
    void aMissingGradeIsRefused() {
        CycleDriver cycle = ratingOf("DDG-05", 2023);
        List<Map<String, Object>> ratings = grade(cycle.list("rateMembers", "ratings"), 1);
        ratings.get(15).remove("grade");
        ratings.get(16).put("grade", null);
        ratings.get(16).put("basis", null);
        Map<String, Integer> before = CycleTables.count(jdbc);

        SubmissionRejectedException refusal = cycle.refuse("rateMembers", rated(ratings));

        assertThat(refusal.getMessage()).contains(
                ratings.get(15).get("name") + "（" + ratings.get(15).get("memberId") + "）：请选择等次（R1）",
                ratings.get(16).get("name") + "（" + ratings.get(16).get("memberId") + "）：请选择等次（R1）");
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);
    }

    @Test
    void onlyTheFourGradesAreAccepted() {
        CycleDriver cycle = ratingOf("DDG-05", 2024);
        List<Map<String, Object>> ratings = grade(cycle.list("rateMembers", "ratings"), 0);
        ratings.get(0).put("grade", "GOOD");
        Map<String, Integer> before = CycleTables.count(jdbc);

        SubmissionRejectedException refusal = cycle.refuse("rateMembers", rated(ratings));

        assertThat(refusal.getMessage()).contains(ratings.get(0).get("name") + "（DDG05-001）：「等次」的值无效：GOOD",
                "（R1）");
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);
    }

    @Test
    void aGradeForAProbationaryMemberIsRefused() {
        // given DDG-10: 许昊 (DDG10-003) is probationary, listed as not graded
        CycleDriver cycle = ratingOf("DDG-10", 2028);
        List<Map<String, Object>> ratings = grade(cycle.list("rateMembers", "ratings"), 1);
        assertThat(ratings).extracting(r -> r.get("memberId")).containsExactly("DDG10-001", "DDG10-002", "DDG10-004");
        assertThat(cycle.variable("rateMembers", "notGradedSummary")).isEqualTo("许昊（预备党员，不定等次）");
        Map<String, Integer> before = CycleTables.count(jdbc);

        // when a grade is submitted for him all the same (as a REST caller could)
        List<Map<String, Object>> withProbationary = new ArrayList<>(ratings);
        withProbationary.add(new HashMap<>(Map.of("memberId", "DDG10-003", "name", "许昊", "grade", "QUALIFIED",
                "basis", BASIS, "feedbackGiven", true)));
        SubmissionRejectedException refusal = cycle.refuse("rateMembers", rated(withProbationary));

        // then refused naming him, nothing written
        assertThat(refusal.getMessage()).contains("许昊（DDG10-003）：预备党员，不定等次，不能给出等次（R3、R4）");
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);

        // and without it the same ratings are accepted: he is not graded
        cycle.complete("rateMembers", rated(ratings));
        assertThat(jdbc.sql("select member_id from rating where cycle_id = ? order by member_id")
                .param(cycle.businessKey).query(String.class).list())
                .containsExactly("DDG10-001", "DDG10-002", "DDG10-004");
    }

    @Test
    void aGradeAboveTheSanctionCeilingIsRefused() {
        // given DDG-03 in 2021: 魏晋华 (DDG03-021) received a 警告 on 2021-09-08
        CycleDriver cycle = ratingOf("DDG-03", 2021);
        List<Map<String, Object>> ratings = grade(cycle.list("rateMembers", "ratings"), 0);
        assertThat(item(ratings, "DDG03-021").get("eligibility")).isEqualTo("受警告或严重警告处分，不能评为优秀");
        item(ratings, "DDG03-021").put("grade", "EXCELLENT");
        Map<String, Integer> before = CycleTables.count(jdbc);

        SubmissionRejectedException refusal = cycle.refuse("rateMembers", rated(ratings));

        assertThat(refusal.getMessage())
                .contains("魏晋华（DDG03-021）：最高只能评为合格（受警告或严重警告处分，不能评为优秀）（R4）");
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);

        item(ratings, "DDG03-021").put("grade", "QUALIFIED");
        cycle.complete("rateMembers", rated(ratings));
        assertThat(ratingRows(cycle)).isEqualTo(27);
    }

    @Test
    void aMemberUnderProbationIsNotGradedAndCannotBe() {
        // given DDG-08 in 2021: 周勇 (DDG08-036) under 留党察看 until 2022-04-26
        CycleDriver cycle = ratingOf("DDG-08", 2021);
        List<Map<String, Object>> ratings = grade(cycle.list("rateMembers", "ratings"), 0);
        assertThat(ratings).extracting(r -> r.get("memberId")).doesNotContain("DDG08-036").hasSize(40);
        assertThat(cycle.variable("rateMembers", "notGradedSummary").toString())
                .contains("周勇（留党察看期间，没有表决权，不评定等次）");
        Map<String, Integer> before = CycleTables.count(jdbc);

        // when a grade is submitted for him, then refused naming him and nothing is written
        List<Map<String, Object>> withHim = new ArrayList<>(ratings);
        withHim.add(new HashMap<>(Map.of("memberId", "DDG08-036", "name", "周勇", "grade", "BASICALLY_QUALIFIED",
                "basis", BASIS, "feedbackGiven", true)));
        assertThat(cycle.refuse("rateMembers", rated(withHim)).getMessage())
                .contains("周勇（DDG08-036）：留党察看期间，没有表决权，不评定等次，不能给出等次（R3、R4）");
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);

        // when he is left ungraded, then the ratings are accepted (N still counts him: 41 formal, cap 13)
        assertThat(cycle.variable("rateMembers", "excellentCap").toString()).contains("41 名", "13 名");
        cycle.complete("rateMembers", rated(ratings));
        assertThat(ratingRows(cycle)).isEqualTo(40);
    }

    /** Writes the members' meeting's tallies as that step would: votes per member, 优秀/合格/基本合格/不合格. */
    void tallies(CycleDriver cycle, Map<String, int[]> votes) {
        votes.forEach((memberId, v) -> jdbc.sql("""
                insert into appraisal_tally (cycle_id, member_id, excellent, qualified, basically_qualified, unqualified)
                values (?, ?, ?, ?, ?, ?)""").params(cycle.businessKey, memberId, v[0], v[1], v[2], v[3]).update());
    }

    @Test
    void theTalliesPreselectEachGradeAndOneTickTellsEveryone() {
        // given DDG-10's three formal members with the appraisal's votes: 优秀, 合格, 基本合格 by majority
        CycleDriver cycle = ratingOf("DDG-10", 2047);
        tallies(cycle, Map.of("DDG10-001", new int[] { 3, 1, 0, 0 }, "DDG10-002", new int[] { 0, 4, 0, 0 },
                "DDG10-004", new int[] { 0, 1, 3, 0 }));

        // then the form suggests and pre-selects those grades
        List<Map<String, Object>> ratings = cycle.list("rateMembers", "ratings");
        assertThat(ratings).extracting(r -> r.get("suggestedGrade"), r -> r.get("grade"), r -> r.get("tallySummary"))
                .containsExactly(tuple("EXCELLENT", "EXCELLENT", "优秀 3 / 合格 1 / 基本合格 0 / 不合格 0"),
                        tuple("QUALIFIED", "QUALIFIED", "优秀 0 / 合格 4 / 基本合格 0 / 不合格 0"),
                        tuple("BASICALLY_QUALIFIED", "BASICALLY_QUALIFIED", "优秀 0 / 合格 1 / 基本合格 3 / 不合格 0"));
        assertThat(cycle.variable("rateMembers", "allFeedbackGiven")).isEqualTo(false);

        // when the secretary writes the one basis the rules ask for (基本合格) and ticks 全部已反馈本人
        ratings.get(2).put("basis", "多次无故缺席组织生活，测评基本合格票过半");
        Map<String, Object> submission = new HashMap<>(rated(ratings));
        submission.put("allFeedbackGiven", true);
        cycle.complete("rateMembers", submission);

        // then the grades are kept as suggested, each with its feedback, a basis only where written
        assertThat(jdbc.sql("select member_id, grade, basis, feedback_given from rating where cycle_id = ? order by member_id")
                .param(cycle.businessKey).query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4))).list())
                .containsExactly(tuple("DDG10-001", "EXCELLENT", null, true), tuple("DDG10-002", "QUALIFIED", null, true),
                        tuple("DDG10-004", "BASICALLY_QUALIFIED", "多次无故缺席组织生活，测评基本合格票过半", true));
    }

    @Test
    void everyProblemOfTheFormComesInOneRefusalOneLinePerMember() {
        // given the tallies suggest 优秀 for DDG10-001 and 合格 for the others
        CycleDriver cycle = ratingOf("DDG-10", 2048);
        tallies(cycle, Map.of("DDG10-001", new int[] { 3, 1, 0, 0 }, "DDG10-002", new int[] { 0, 4, 0, 0 },
                "DDG10-004", new int[] { 0, 4, 0, 0 }));
        List<Map<String, Object>> ratings = cycle.list("rateMembers", "ratings");
        Map<String, Integer> before = CycleTables.count(jdbc);

        // when one grade is cleared, one is changed without a basis, and nobody is told
        ratings.get(0).put("grade", "QUALIFIED");
        ratings.get(1).put("grade", null);
        SubmissionRejectedException refusal = cycle.refuse("rateMembers", rated(ratings));

        // then one refusal names each member once, with everything to correct
        assertThat(refusal.problems()).containsExactly(
                ratings.get(0).get("name") + "（DDG10-001）：请填写评定依据（与测评建议的优秀不同，须写明依据），尚未向本人反馈",
                ratings.get(1).get("name") + "（DDG10-002）：请选择等次（R1），尚未向本人反馈",
                ratings.get(2).get("name") + "（DDG10-004）：尚未向本人反馈");
        assertThat(CycleTables.count(jdbc)).isEqualTo(before);
    }

    @Test
    void moreExcellentWithAWrittenReasonGoesToTheTownshipOfficeAndApprovalContinues() {
        // given DDG-10: 3 formal members, at most 1 优秀
        CycleDriver cycle = ratingOf("DDG-10", 2024);

        // when two are rated 优秀 with a written reason
        Map<String, Object> submission = new HashMap<>(rated(grade(cycle.list("rateMembers", "ratings"), 2)));
        submission.put("excellentExceptionReason", "两名同志在疫情防控中表现突出，受到县委表彰");
        cycle.complete("rateMembers", submission);

        // then the ratings and the request are kept, and the township office decides
        assertThat(ratingRows(cycle)).isEqualTo(3);
        assertThat(jdbc.sql("select reason, excellent, cap from excellent_exception where cycle_id = ?")
                .param(cycle.businessKey).query((rs, n) -> List.of(rs.getString(1), rs.getInt(2), rs.getInt(3))).single())
                .containsExactly("两名同志在疫情防控中表现突出，受到县委表彰", 2, 1);
        assertThat(cycle.openTasks()).containsExactly("approveExcellentException");
        assertThat(cycle.task("approveExcellentException")).hasCandidateGroup("township-office");
        assertThat(cycle.variable("approveExcellentException", "exceptionSummary").toString())
                .contains("拟评优秀 2 名", "两名同志在疫情防控中表现突出");

        // when approved, then the cycle goes on past rating
        cycle.complete("approveExcellentException", Map.of("exceptionDecision", "APPROVE"));
        cycle.runJobs();
        assertThat(instance(cycle)).hasPassedInOrder("rateMembers", "approveExcellentException");
        assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(cycle.processInstanceId)
                .successLog().list()).extracting(HistoricJobLog::getActivityId)
                .as("the steps after rating ran, in one job").contains("serviceTask_forwardFloatingOpinions");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(cycle.processInstanceId).list())
                .as("nothing after rating waits to run").isEmpty();
        assertThat(jdbc.sql("select approved from review_decision where cycle_id = ? and subject = 'EXCELLENT_EXCEPTION'")
                .param(cycle.businessKey).query(Boolean.class).list()).containsExactly(true);
    }

    @Test
    void aRefusedExceptionReturnsToRatingWithTheReasonShown() {
        CycleDriver cycle = ratingOf("DDG-10", 2025);
        Map<String, Object> submission = new HashMap<>(rated(grade(cycle.list("rateMembers", "ratings"), 2)));
        submission.put("excellentExceptionReason", "两名同志表现都很突出");
        cycle.complete("rateMembers", submission);

        // when the township office returns it
        cycle.complete("approveExcellentException", Map.of("exceptionDecision", "RETURN",
                "exceptionReturnReason", "理由不充分，请按三分之一比例重新评定"));

        // then rating is open again, showing the reason, the earlier grades and the written reason
        assertThat(cycle.openTasks()).containsExactly("rateMembers");
        assertThat(cycle.variable("rateMembers", "ratingReturnReason")).isEqualTo("理由不充分，请按三分之一比例重新评定");
        assertThat(cycle.variable("rateMembers", "excellentExceptionReason")).isEqualTo("两名同志表现都很突出");
        List<Map<String, Object>> again = cycle.list("rateMembers", "ratings");
        assertThat(again).extracting(r -> r.get("grade")).containsExactly("EXCELLENT", "EXCELLENT", "QUALIFIED");

        // when the branch keeps within the cap and withdraws the reason, then accepted without the township
        again.get(1).put("grade", "QUALIFIED");
        Map<String, Object> resubmission = new HashMap<>(rated(again));
        resubmission.put("excellentExceptionReason", null);
        cycle.complete("rateMembers", resubmission);
        assertThat(jdbc.sql("select count(*) from excellent_exception where cycle_id = ?").param(cycle.businessKey)
                .query(Integer.class).single()).as("the withdrawn request is gone").isZero();
        assertThat(instance(cycle)).isWaitingAt("serviceTask_forwardFloatingOpinions");
    }

    @Test
    void changingTheEligibilityTableChangesTheRuleWithoutACodeChange() throws Exception {
        // given DDG-04 in 2021: 于红旗 (DDG04-025) under a 警告, so not 优秀 by the shipped table
        CycleDriver cycle = ratingOf("DDG-04", 2021);
        List<Map<String, Object>> ratings = grade(cycle.list("rateMembers", "ratings"), 0);
        item(ratings, "DDG04-025").put("grade", "EXCELLENT");
        assertThat(cycle.refuse("rateMembers", rated(ratings)).getMessage()).contains("（R4）", "于红旗");

        // when the township deploys a table that lets 警告 members be 优秀 (same decision key)
        String shipped = Files.readString(Path.of("processes", "member-rating-eligibility.dmn"), StandardCharsets.UTF_8);
        String changed = shipped.replace(
                "<outputEntry id=\"outputEntry_warning_highest\"><text>\"QUALIFIED\"</text></outputEntry>",
                "<outputEntry id=\"outputEntry_warning_highest\"><text>\"EXCELLENT\"</text></outputEntry>");
        assertThat(changed).isNotEqualTo(shipped);
        Deployment deployment = engine.getRepositoryService().createDeployment().name("镇党委调整评定资格表")
                .addString("member-rating-eligibility.dmn", changed).deploy();
        try {
            // then the same submission is accepted
            cycle.complete("rateMembers", rated(ratings));
            assertThat(jdbc.sql("select grade from rating where cycle_id = ? and member_id = 'DDG04-025'")
                    .param(cycle.businessKey).query(String.class).single()).isEqualTo("EXCELLENT");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(RatingEligibility.DECISION).latestVersion().singleResult().getDeploymentId())
                .as("the shipped table is in force again").isNotEqualTo(deployment.getId());
    }
}
