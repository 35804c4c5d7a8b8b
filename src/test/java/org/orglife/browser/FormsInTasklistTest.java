package org.orglife.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycle;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every form of DDG-01's year as the person who fills it sees it in Tasklist, claimed, written to
 * {@code target/screenshots/form-NN-<taskId>.png} for people to look at. Each form shows its Chinese
 * labels and one row per item of its pre-filled lists; the cycle moves on in-process between forms
 * (submitting through Tasklist is what the other browser tests do).
 */
@BrowserTest
class FormsInTasklistTest {

    static final String SECRETARY = "sec-DDG-01";
    static final String OFFICE = "office";
    static final String LIAISON = "liaison1";

    @RegisterExtension final ChromiumSession session = new ChromiumSession("zh-CN");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;

    private Tasklist tasklist;
    private String signedIn;
    private int shown;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyFormOfTheYearRendersInChineseWithOneRowPerListItem() {
        // this year's cycle, so that the rectification deadlines (next year) are not in the past
        int year = Year.now().getValue();
        String next = (year + 1) + "-";
        ReviewCycle started = reviewCycles.start("DDG-01", year, Map.of());
        CycleDriver cycle = CycleDriver.of(engine, started.id());
        tasklist = new Tasklist(session.chromium(), new CamundaWebapps(session.chromium(), port));

        show(cycle, "draftWorkPlan", SECRETARY, Map.of());
        cycle.complete("draftWorkPlan", Map.of("committeeMeetingOn", next + "02-18", "membersMeetingOn", next + "02-20",
                "venue", "大东沟村党员活动室", "studyTopics", "学习党的二十大精神", "membersMeetingForm", "WHOLE"));
        show(cycle, "reviewWorkPlan", OFFICE, Map.of());
        cycle.complete("reviewWorkPlan", Map.of("planDecision", "APPROVE"));

        show(cycle, "organizeStudy", SECRETARY, Map.of("studyAttendance", "field_studyAttendance_memberId"));
        cycle.complete("organizeStudy", Map.of("studyHeldOn", next + "02-16", "studyTopics", "学习党的二十大精神",
                "studyAttendance", cycle.list("organizeStudy", "studyAttendance")));
        show(cycle, "solicitOpinions", SECRETARY, Map.of("hearings", "field_hearings_memberId"));
        List<Map<String, Object>> hearings = cycle.list("solicitOpinions", "hearings");
        hearings.forEach(h -> h.put("heard", true));
        cycle.complete("solicitOpinions", Map.of("opinions", List.of(Map.of("source", "群众座谈", "content", "希望多组织志愿服务")),
                "talksCommitteeCommittee", 3, "talksCommitteeMember", 20, "talksMemberMember", 30, "hearings", hearings));
        show(cycle, "examineProblems", SECRETARY, Map.of("committeeProblems", "field_committeeProblems_category"));
        cycle.complete("examineProblems", Map.of("committeeProblems", List.of(
                Map.of("category", "政治功能", "description", "理论学习不够系统", "foundBy", "SELF"),
                Map.of("category", "组织力", "description", "发挥党员作用的载体不多", "foundBy", "MASSES")),
                "memberProblemCount", 12));

        show(cycle, "holdCommitteeMeeting", SECRETARY, Map.of());
        cycle.complete("holdCommitteeMeeting", Map.of("committeeHeldOn", next + "02-18", "committeeAttendees", "王建新、王玲",
                "committeeMode", "FACE_TO_FACE"));
        show(cycle, "holdMembersMeeting", SECRETARY,
                Map.of("attendance", "field_attendance_memberId", "tallies", "field_tallies_memberId"));
        List<Map<String, Object>> attendance = cycle.list("holdMembersMeeting", "attendance");
        attendance.stream().filter(a -> a.get("attendance") == null).forEach(a -> {
            a.put("attendance", "REMOTE");
            a.put("channel", "PHONE");
        });
        cycle.complete("holdMembersMeeting", Map.of("membersHeldOn", next + "02-20", "membersMeetingForm", "WHOLE",
                "attendance", attendance, "committeeAppraisal", "支部委员会工作总体满意",
                "tallies", cycle.list("holdMembersMeeting", "tallies")));
        show(cycle, "attendAndComment", LIAISON, Map.of());
        cycle.complete("attendAndComment", Map.of("attendedCommitteeMeeting", true, "attendedMembersMeeting", true,
                "liaisonComment", "会议准备充分"));

        show(cycle, "rateMembers", SECRETARY, Map.of("ratings", "field_ratings_memberId",
                "outsideOpinions", "field_outsideOpinions_memberId"));
        List<Map<String, Object>> ratings = cycle.list("rateMembers", "ratings");
        for (int i = 0; i < ratings.size(); i++) {
            ratings.get(i).put("grade", i < 17 ? "EXCELLENT" : i == ratings.size() - 1 ? "UNQUALIFIED" : "QUALIFIED");
            ratings.get(i).put("basis", "日常表现和测评结果");
            ratings.get(i).put("feedbackGiven", true);
        }
        cycle.complete("rateMembers", Map.of("ratings", ratings,
                "excellentExceptionReason", "本年度抗洪抢险中党员表现突出，优秀名额需超出一名"));
        show(cycle, "approveExcellentException", OFFICE, Map.of());
        cycle.complete("approveExcellentException", Map.of("exceptionDecision", "APPROVE"));
        cycle.runJobs();

        show(cycle, "planRectification", SECRETARY, Map.of("rectificationItems", "field_rectificationItems_problem",
                "commitments", "field_commitments_memberId"));
        List<Map<String, Object>> items = cycle.list("planRectification", "rectificationItems");
        items.forEach(item -> {
            item.put("measure", "每月开展一次专题学习");
            item.put("deadline", next + "06-30");
            item.put("responsible", "王建新");
        });
        List<Map<String, Object>> commitments = cycle.list("planRectification", "commitments");
        commitments.forEach(c -> c.put("commitment", "带头学习，按时参加组织生活"));
        cycle.complete("planRectification", Map.of("rectificationItems", items, "commitments", commitments));
        show(cycle, "recordPublicityFeedback", SECRETARY, Map.of());
        cycle.complete("recordPublicityFeedback", Map.of("publicityFeedback", List.of()));

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
        cycle.runJobs();
        show(cycle, "reviewFiling", OFFICE, Map.of());
        cycle.complete("reviewFiling", Map.of("filingDecision", "ACCEPT"));
        cycle.runJobs();
        show(cycle, "submitStatistics", SECRETARY, Map.of());

        // the filing started the follow-up: the secretary marks an item done, the liaison cadre confirms it
        CycleDriver followUp = CycleDriver.of(engine, started.id() + "-rectification");
        Task firstItem = engine.getTaskService().createTaskQuery().processInstanceId(followUp.processInstanceId)
                .taskDefinitionKey("markItemDone").list().stream().filter(t -> t.getName().contains("第1项"))
                .findFirst().orElseThrow();
        show(firstItem, SECRETARY, Map.of(), null);
        engine.getFormService().submitTaskForm(firstItem.getId(), Map.of("doneNote", "已坚持每月专题学习"));
        show(followUp, "confirmItem", LIAISON, Map.of());

        CycleDriver disposition = CycleDriver.of(engine,
                started.id() + "-" + ratings.get(ratings.size() - 1).get("memberId"));
        show(disposition, "decideDisposition", SECRETARY, Map.of());
        disposition.complete("decideDisposition", Map.of("educationPlan", "支部书记每月谈心一次", "disposition",
                "PERSUADE_TO_WITHDRAW", "decidedOn", next + "03-01"));
        disposition.runJobs();
        show(disposition, "approveDisposition", OFFICE, Map.of());
    }

    /**
     * Opens the task in Tasklist as {@code user}, claims it, checks the form (its title field and its
     * lists, each given by a child field, one row per pre-filled item) and writes the screenshot.
     */
    private void show(CycleDriver cycle, String taskKey, String user, Map<String, String> lists) {
        show(cycle.task(taskKey), user, lists, cycle);
    }

    private void show(Task task, String user, Map<String, String> lists, CycleDriver cycle) {
        String taskKey = task.getTaskDefinitionKey();
        if (!user.equals(signedIn)) {
            if (signedIn == null) {
                tasklist.signIn(user);
            } else {
                tasklist.switchUser(user);
            }
            signedIn = user;
        }
        tasklist.openTask(task.getId(), task.getName());
        CamundaForm form = tasklist.claim();
        assertThat(form.value("field_cycleTitle")).as(taskKey).endsWith("大东沟村党支部");
        Map<String, Integer> expected = new HashMap<>();
        lists.forEach((list, child) -> expected.put(list, cycle.list(taskKey, list).size()));
        lists.forEach((list, child) -> assertThat(form.rendered(child)).as(taskKey + " " + list + " rows")
                .isEqualTo(expected.get(list)).isPositive());
        // no word of form-js's own in English: "Select" in a dropdown, "Add new" under a list, "mm/dd/yyyy"
        Object english = ((org.openqa.selenium.JavascriptExecutor) session.chromium().driver).executeScript("""
                const texts = [...document.querySelectorAll('.fjs-form .fjs-select-display, .fjs-form button')]
                    .map(e => e.textContent);
                const placeholders = [...document.querySelectorAll('.fjs-form input[placeholder]')].map(i => i.placeholder);
                return texts.concat(placeholders).filter(t => /Select|Search|Add new|[ymd]{2}[/.-]|Field /i.test(t));""");
        assertThat((List<?>) english).as(taskKey + ": English of form-js").isEmpty();
        // dates as dates, not how far off: "到期 2027年2月22日", not "到期 3 个月后"
        String due = session.chromium().await(d -> {
            var dates = d.findElements(org.openqa.selenium.By.cssSelector(".task-details .due-date [am-time-ago]"));
            return dates.isEmpty() || dates.get(0).getText().isBlank() ? null : dates.get(0).getText();
        });
        assertThat(due).as(taskKey + " due").matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
        session.chromium().screenshot(String.format("form-%02d-%s", ++shown, taskKey));
    }
}
