package org.orglife.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycle;
import org.orglife.cycle.ReviewCycles;
import org.orglife.rating.Grade;
import org.orglife.rating.RatingRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 评定等次并反馈本人 as the secretary of DDG-01 meets it in Tasklist: 48 formal members to grade, at most
 * 16 优秀. The members' meeting's tallies give 20 members a 优秀 majority, one a 基本合格 majority and the
 * others 合格; the cycle is brought to rating in-process, the rating is done in the browser.
 */
@BrowserTest
class RatingFormInTasklistTest {

    static final String GRADE = "field_ratings_grade_";
    static final String BASIS = "field_ratings_basis_";

    @RegisterExtension final ChromiumSession session = new ChromiumSession("zh-CN");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired RatingRecords ratings;

    @Test
    void theFortyEightMembersAreRatedAsSuggestedInOneSubmission() {
        ReviewCycle started = reviewCycles.start("DDG-01", 2022, Map.of());
        CycleDriver cycle = CycleDriver.of(engine, started.id());
        Map<String, String> suggested = driveToRateMembers(cycle, 2022);
        List<Map<String, Object>> toRate = cycle.list("rateMembers", "ratings");
        assertThat(toRate).hasSize(48);

        Chromium browser = session.chromium();
        Tasklist tasklist = new Tasklist(browser, new CamundaWebapps(browser, port));
        tasklist.signIn("sec-DDG-01");
        tasklist.openTask(cycle.task("rateMembers").getId(), "评定等次并反馈本人");
        CamundaForm form = tasklist.claim();

        // then each grade is pre-selected as the tallies suggest: the 16 largest shares of 优秀, not all 20
        assertThat(IntStream.range(0, 48).mapToObj(i -> form.selection(GRADE + i)).toList())
                .containsExactlyElementsOf(toRate.stream().map(m -> suggested.get((String) m.get("memberId"))).toList());
        assertThat(form.selection("field_ratings_suggestedGrade_0")).isEqualTo("优秀");
        assertThat(form.value("field_ratings_tallySummary_0")).isEqualTo("优秀 40 / 合格 4 / 基本合格 0 / 不合格 0");
        assertThat(form.selection("field_ratings_suggestedGrade_17")).as("capped at one third").isEqualTo("合格");

        // and every value of a member can be read whole
        for (String field : List.of("name", "memberId", "tallySummary")) {
            assertThat(form.showsWholeValue("field_ratings_" + field + "_0")).as(field).isTrue();
        }

        // and on a phone, where the form is opened anew, too
        browser.phone();
        tasklist.reload("评定等次并反馈本人");
        for (String field : List.of("field_excellentCap", "field_ratings_name_0", "field_ratings_memberId_0",
                "field_ratings_tallySummary_0")) {
            assertThat(form.showsWholeValue(field)).as(field + " on a phone").isTrue();
        }
        browser.screenshot("rateMembers-phone");
        browser.desktop();
        tasklist.reload("评定等次并反馈本人");

        // and 评定依据 is marked required where it carries meaning: 基本合格, not a confirmed 合格
        assertThat(form.label(BASIS + 20)).isEqualTo("评定依据（必填）");
        assertThat(form.label(BASIS + 21)).isEqualTo("评定依据（可不填）");

        // and one tick gives feedback to all, taking the 48 boxes away
        assertThat(form.rendered("field_ratings_feedbackGiven")).isEqualTo(48);
        form.check("field_allFeedbackGiven", true);
        browser.await(d -> form.rendered("field_ratings_feedbackGiven") == 0);
        browser.screenshot("rateMembers-suggested");

        // when the secretary writes the one basis needed and completes
        form.type(BASIS + 20, "多次无故缺席组织生活，测评基本合格票过半");
        tasklist.complete();

        // then the 48 grades are kept as suggested, every member told, a basis only where written
        List<RatingRecords.Rating> kept = ratings.ratings(started.id());
        assertThat(kept).hasSize(48).allMatch(RatingRecords.Rating::feedbackGiven);
        assertThat(kept).filteredOn(r -> r.grade() == Grade.EXCELLENT).hasSize(16);
        assertThat(kept).filteredOn(r -> r.basis() != null).singleElement()
                .satisfies(r -> assertThat(r.grade()).isEqualTo(Grade.BASICALLY_QUALIFIED));
        assertThat(cycle.openTasks()).doesNotContain("rateMembers");
    }

    @Test
    void aRefusalMarksTheRowsItNamesAndLeavesTheButtonsInView() {
        ReviewCycle started = reviewCycles.start("DDG-01", 2023, Map.of());
        CycleDriver cycle = CycleDriver.of(engine, started.id());
        driveToRateMembers(cycle, 2023);
        List<Map<String, Object>> toRate = cycle.list("rateMembers", "ratings");

        Chromium browser = session.chromium();
        Tasklist tasklist = new Tasklist(browser, new CamundaWebapps(browser, port));
        tasklist.signIn("sec-DDG-01");
        tasklist.openTask(cycle.task("rateMembers").getId(), "评定等次并反馈本人");
        CamundaForm form = tasklist.claim();

        // when member 4, suggested 优秀, is rated 合格, and neither he nor member 21 (基本合格) gets a basis
        form.check("field_allFeedbackGiven", true);
        form.select(GRADE + 3, "合格");
        browser.await(d -> form.label(BASIS + 3).equals("评定依据（必填）"));
        Tasklist.Notification refusal = tasklist.completeRefused();

        // then one refusal names both, and marks their rows, not the others
        String fourth = toRate.get(3).get("name") + "（" + toRate.get(3).get("memberId") + "）";
        String twentyFirst = toRate.get(20).get("name") + "（" + toRate.get(20).get("memberId") + "）";
        assertThat(refusal.message()).isEqualTo("提交未通过校验，未保存：" + fourth
                + "：请填写评定依据（与测评建议的优秀不同，须写明依据）；" + twentyFirst + "：请填写评定依据（评为基本合格须写明依据）");
        String marked = browser.await(d -> form.rowProblem(BASIS + 3));
        assertThat(marked).isEqualTo("请填写评定依据（与测评建议的优秀不同，须写明依据）");
        assertThat(form.rowProblem(BASIS + 20)).isEqualTo("请填写评定依据（评为基本合格须写明依据）");
        assertThat(form.rowProblem(BASIS + 4)).isNull();
        browser.screenshot("rateMembers-refused");

        // and 保存 and 完成 stay in view, not under the refusal
        assertThat(tasklist.buttonsCovered()).isEmpty();
        assertThat(ratings.ratings(started.id())).isEmpty();

        // when the two bases are written, then the form is accepted
        form.type(BASIS + 3, "年内两次未按时参加组织生活，经支委会研究评为合格");
        form.type(BASIS + 20, "多次无故缺席组织生活，测评基本合格票过半");
        tasklist.complete();
        assertThat(ratings.ratings(started.id())).hasSize(48).filteredOn(r -> r.basis() != null).hasSize(2);
    }

    /**
     * Everything before 评定等次, submitted as Tasklist would with the pre-filled lists. The tallies: the
     * first 20 members to grade a 优秀 majority with falling shares, the 21st a 基本合格 majority, the
     * others 合格. Returns the grade each should be suggested, by label.
     */
    static Map<String, String> driveToRateMembers(CycleDriver cycle, int year) {
        String next = (year + 1) + "-02-";
        cycle.complete("draftWorkPlan", Map.of("committeeMeetingOn", next + "18", "membersMeetingOn", next + "20",
                "venue", "大东沟村党员活动室", "studyTopics", "学习党的二十大精神", "membersMeetingForm", "WHOLE"));
        cycle.complete("reviewWorkPlan", Map.of("planDecision", "APPROVE"));
        cycle.complete("organizeStudy", Map.of("studyHeldOn", next + "16", "studyTopics", "学习党的二十大精神",
                "studyAttendance", cycle.list("organizeStudy", "studyAttendance")));
        List<Map<String, Object>> hearings = cycle.list("solicitOpinions", "hearings");
        hearings.forEach(h -> h.put("heard", true));
        cycle.complete("solicitOpinions", Map.of("opinions", List.of(), "talksCommitteeCommittee", 3,
                "talksCommitteeMember", 20, "talksMemberMember", 30, "hearings", hearings));
        cycle.complete("examineProblems", Map.of("committeeProblems", List.of(
                Map.of("category", "政治功能", "description", "理论学习不够系统", "foundBy", "SELF")),
                "memberProblemCount", 12));
        cycle.complete("holdCommitteeMeeting", Map.of("committeeHeldOn", next + "18", "committeeAttendees", "王建新、王玲",
                "committeeMode", "FACE_TO_FACE"));
        List<Map<String, Object>> attendance = cycle.list("holdMembersMeeting", "attendance");
        attendance.stream().filter(a -> a.get("attendance") == null).forEach(a -> {
            a.put("attendance", "REMOTE");
            a.put("channel", "PHONE");
        });
        Map<String, String> suggested = new HashMap<>();
        List<Map<String, Object>> tallies = cycle.list("holdMembersMeeting", "tallies");
        List<Map<String, Object>> graded = tallies.stream()
                .filter(t -> t.get("note") == null || t.get("note").toString().isEmpty()).toList();
        for (int i = 0; i < graded.size(); i++) {
            Map<String, Object> t = graded.get(i);
            int[] votes = i < 20 ? new int[] { 40 - i, 4, 0, 0 } : i == 20 ? new int[] { 0, 5, 30, 0 }
                    : new int[] { 2, 35, 0, 0 };
            t.put("excellent", votes[0]);
            t.put("qualified", votes[1]);
            t.put("basicallyQualified", votes[2]);
            t.put("unqualified", votes[3]);
            suggested.put((String) t.get("memberId"), i < 16 ? "优秀" : i == 20 ? "基本合格" : "合格");
        }
        cycle.complete("holdMembersMeeting", Map.of("membersHeldOn", next + "20", "membersMeetingForm", "WHOLE",
                "attendance", attendance, "committeeAppraisal", "支部委员会工作总体满意", "tallies", tallies));
        cycle.complete("attendAndComment", Map.of("attendedCommitteeMeeting", true, "attendedMembersMeeting", true,
                "liaisonComment", "会议准备充分"));
        return suggested;
    }
}
