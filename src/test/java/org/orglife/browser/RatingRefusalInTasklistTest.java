package org.orglife.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycle;
import org.orglife.cycle.ReviewCycles;
import org.orglife.rating.RatingRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The one-third cap on 优秀 (R2) as a branch secretary meets it in Tasklist: DDG-01 has 48 formal members
 * to grade, so at most 16 优秀 without the township's approval. The cycle is brought to 评定等次 in-process.
 */
@BrowserTest
class RatingRefusalInTasklistTest {

    static final int YEAR = 2022;
    static final String GRADE = "field_ratings_grade_";

    @RegisterExtension final ChromiumSession session = new ChromiumSession("zh-CN");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired RatingRecords ratings;

    @Test
    void seventeenExcellentOfFortyEightAreRefusedInChineseAndNothingIsSavedThenSixteenPass() {
        ReviewCycle started = reviewCycles.start("DDG-01", YEAR, Map.of());
        CycleDriver cycle = CycleDriver.of(engine, started.id());
        driveToRateMembers(cycle);
        List<Map<String, Object>> toRate = cycle.list("rateMembers", "ratings");
        assertThat(toRate).hasSize(48);

        Chromium browser = session.chromium();
        Tasklist tasklist = new Tasklist(browser, new CamundaWebapps(browser, port));
        tasklist.signIn("sec-DDG-01");
        tasklist.openTask(cycle.task("rateMembers").getId(), "评定等次并反馈本人");
        CamundaForm form = tasklist.claim();
        assertThat(form.value("field_excellentCap")).startsWith("本支部正式党员 48 名，评为优秀的一般不超过 16 名");
        assertThat(form.column("field_ratings_memberId"))
                .containsExactlyElementsOf(toRate.stream().map(m -> (String) m.get("memberId")).toList());
        rate(form, toRate.size(), 17);

        Tasklist.Notification refusal = tasklist.completeRefused();
        assertThat(refusal.status()).isEqualTo("提交任务表单时出错");
        assertThat(refusal.message()).startsWith("提交未通过校验，未保存：评为优秀的有 17 名，超过本支部正式党员 48 名的三分之一（最多 16 名）")
                .contains("确需超过的，请填写书面理由，报镇党委审批")
                .as("only the reasons, without Camunda's English around them").doesNotContainPattern("[A-Za-z]{2,}");
        browser.screenshot("rateMembers-refused");
        assertThat(ratings.ratings(started.id())).isEmpty();
        assertThat(cycle.openTasks()).contains("rateMembers");

        // after a refusal, the form's selects no longer open (Tasklist 7.24) until the page is reloaded
        tasklist.reload("评定等次并反馈本人");
        form = tasklist.form();
        rate(form, toRate.size(), 16);
        tasklist.complete();
        assertThat(ratings.ratings(started.id())).as("every rendered item was submitted").hasSize(48)
                .filteredOn(r -> r.grade() == org.orglife.rating.Grade.EXCELLENT).hasSize(16);
        assertThat(cycle.openTasks()).doesNotContain("rateMembers");
    }

    /** Grades the first {@code excellent} members 优秀 and the others 合格, each with basis and feedback. */
    static void rate(CamundaForm form, int members, int excellent) {
        for (int i = 0; i < members; i++) {
            form.select(GRADE + i, i < excellent ? "优秀" : "合格");
            form.type("field_ratings_basis_" + i, "日常表现和测评结果");
            form.check("field_ratings_feedbackGiven_" + i, true);
        }
    }

    /** Everything before 评定等次, submitted as Tasklist would with the pre-filled lists. */
    static void driveToRateMembers(CycleDriver cycle) {
        String next = (YEAR + 1) + "-02-";
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
        cycle.complete("holdMembersMeeting", Map.of("membersHeldOn", next + "20", "membersMeetingForm", "WHOLE",
                "attendance", attendance, "committeeAppraisal", "支部委员会工作总体满意",
                "tallies", cycle.list("holdMembersMeeting", "tallies")));
        cycle.complete("attendAndComment", Map.of("attendedCommitteeMeeting", true, "attendedMembersMeeting", true,
                "liaisonComment", "会议准备充分"));
    }
}
