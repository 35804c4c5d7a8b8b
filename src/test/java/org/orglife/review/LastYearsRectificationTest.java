package org.orglife.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.CycleArchive;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.RectificationItemState;
import org.orglife.cycle.RectificationProgress;
import org.orglife.cycle.RectificationProgress.CommitmentsKept;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.rectification.RectificationRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The next year's cycle remembers (issue 20): its 查摆问题 and 召开党员大会 forms show last year's items as
 * their follow-up (整改销号) left them, and the members' meeting's form the secretary's 述职, pre-filled from
 * the follow-up and the commitments (践诺) and kept as the secretary edited it. Last year's follow-up is
 * written directly into its table: the process that writes it is tested on its own. DDG-09's cycles of
 * 2023 and 2024 (the shipped 2024 calendar: National Day), of 2074 and 2075, and of 2077.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class LastYearsRectificationTest {

    static final String REPORT_LABEL = "支部书记述职：整改落实情况";

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired ReviewCycleRepository cycles;
    @Autowired RectificationRecords rectification;
    @Autowired RectificationProgress progress;
    @Autowired CycleArchive archive;
    @Autowired WorkingDayCalendar calendar;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static RectificationRecords.Item item(int seq, String problem, String measure, LocalDate deadline) {
        return new RectificationRecords.Item(seq, null, problem, measure, deadline, "马东升", false);
    }

    /** Where an item stands in its follow-up, as the follow-up's own writes leave it. */
    void followUp(String cycleId, int seq, RectificationItemState state, LocalDate dueOn, LocalDate doneOn,
            int reopened) {
        jdbc.sql("""
                update rectification_item set state = ?, due_on = ?, done_on = ?, done = ?, confirmed_on = ?,
                  reopened_count = ?, reopened_reason = ?, reopened_on = ?
                where cycle_id = ? and seq = ?""")
                .params(state.name(), Date.valueOf(dueOn), doneOn == null ? null : Date.valueOf(doneOn),
                        state == RectificationItemState.CONFIRMED,
                        doneOn == null ? null : Date.valueOf(doneOn.plusDays(1)),
                        reopened, reopened > 0 ? "活动室设备仍未更新" : null,
                        reopened > 0 ? Date.valueOf(LocalDate.of(2024, 11, 15)) : null, cycleId, seq)
                .update();
    }

    /** The members' meeting as the secretary submits it: everyone present but those away, no tallies typed. */
    static Map<String, Object> meetingRecord(CycleDriver cycle, String heldOn) {
        Map<String, Object> values = new HashMap<>();
        values.put("membersHeldOn", heldOn);
        values.put("membersMeetingForm", "WHOLE");
        values.put("committeeAppraisal", "支部委员会团结协作，履职尽责");
        List<Map<String, Object>> attendance = cycle.list("holdMembersMeeting", "attendance");
        attendance.stream().filter(a -> a.get("attendance") == null).forEach(a -> {
            a.put("attendance", "ABSENT");
            a.put("absenceReason", "外出务工");
        });
        values.put("attendance", attendance);
        values.put("tallies", cycle.list("holdMembersMeeting", "tallies"));
        return values;
    }

    Map<String, Object> membersMeeting(String cycleId) {
        return jdbc.sql("select rectification_report from meeting where cycle_id = ? and kind = 'MEMBERS'")
                .param(cycleId).query().listOfRows().stream().findFirst().orElse(null);
    }

    @Test
    void theNextCyclesFormsCountLastYearsItemsAsTheirFollowUpStandsAcrossAHoliday() {
        // given DDG-09's 2023 list, made in 2024: two items with the deadline 2024-10-03, in the National Day
        // holidays, so due on the first working day after them; one item due in June, one in September
        TestClock.at(2024, 2, 21);
        String lastYear = reviewCycles.start("DDG-09", 2023, Map.of()).id();
        LocalDate nationalDay = LocalDate.of(2024, 10, 3);
        LocalDate june = LocalDate.of(2024, 6, 28);
        rectification.savePlan(lastYear, List.of(
                item(1, "理论学习不够系统", "每月集中学习一次", nationalDay),
                item(2, "联系服务群众不够", "每季度走访困难群众", nationalDay),
                item(3, "组织生活不够规范", "按时召开“三会一课”", june),
                item(4, "党员活动阵地设施陈旧", "更新活动室设备", LocalDate.of(2024, 9, 30))), List.of(
                new RectificationRecords.Commitment("DDG09-001", "带头参加集中学习"),
                new RectificationRecords.Commitment("DDG09-002", "帮扶一户困难群众"),
                new RectificationRecords.Commitment("DDG09-003", "按时交纳党费"),
                new RectificationRecords.Commitment("DDG09-004", "参加志愿服务")));
        LocalDate dueOn = calendar.plusWorkingDays(nationalDay, 0);
        assertThat(dueOn).as("a deadline in the holidays is due on the next working day")
                .isEqualTo(LocalDate.of(2024, 10, 8));

        // and its follow-up: the first done on that day, so on time; the second a day later, late; the third
        // still open, long past its day; the fourth confirmed, then found not rectified and reopened until March
        followUp(lastYear, 1, RectificationItemState.CONFIRMED, dueOn, LocalDate.of(2024, 10, 8), 0);
        followUp(lastYear, 2, RectificationItemState.CONFIRMED, dueOn, LocalDate.of(2024, 10, 9), 0);
        followUp(lastYear, 3, RectificationItemState.OPEN, calendar.plusWorkingDays(june, 0), null, 0);
        followUp(lastYear, 4, RectificationItemState.OPEN, LocalDate.of(2025, 3, 31), null, 1);
        // and the commitments: one kept, one partly, one not, one not recorded
        for (String[] kept : new String[][] {{"DDG09-001", "KEPT"}, {"DDG09-002", "PARTLY_KEPT"},
                {"DDG09-003", "NOT_KEPT"}}) {
            jdbc.sql("update commitment set kept = ? where cycle_id = ? and member_id = ?")
                    .params(kept[1], lastYear, kept[0]).update();
        }

        // when DDG-09's 2024 cycle is worked, in February 2025, at its self-examination and members' meeting
        TestClock.at(2025, 2, 17);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-09", 2024)
                .jumpTo("examineProblems", "holdMembersMeeting");

        // then both forms show each of last year's items as it stands
        String items = """
                1. 理论学习不够系统；整改措施：每月集中学习一次；已销号（按期完成）
                2. 联系服务群众不够；整改措施：每季度走访困难群众；已销号（逾期完成）
                3. 组织生活不够规范；整改措施：按时召开“三会一课”；整改中（已逾期）
                4. 党员活动阵地设施陈旧；整改措施：更新活动室设备；整改不到位，重新整改中""";
        assertThat(cycle.variable("examineProblems", "lastYearsItems")).isEqualTo(items);
        assertThat(cycle.variable("holdMembersMeeting", "lastYearsItems")).isEqualTo(items);

        // and the 述职 reports exactly these counts, and the commitments
        String report = """
                上年度整改清单共 4 项：按期完成 1 项，逾期完成 1 项，尚未销号 2 项，其中 1 项已超过整改时限。
                镇党委认定整改不到位、退回重新整改的有 1 项。
                党员作出整改承诺 4 人：践诺 1 人，部分践诺 1 人，未践诺 1 人，践诺情况未记录 1 人。""";
        assertThat(cycle.variable("holdMembersMeeting", "rectificationReport")).isEqualTo(report);
        // and each form binds all it is given (FormsMatchProcessTest's cycle has no last year to show)
        for (String step : List.of("examineProblems", "holdMembersMeeting")) {
            Task task = cycle.task(step);
            Set<String> given = new HashSet<>(engine.getFormService().getTaskFormVariables(task.getId()).keySet());
            given.removeAll(engine.getRuntimeService().getVariables(task.getExecutionId()).keySet());
            assertThat(FormsMatchProcessTest.Bindings.of(FormsMatchProcessTest.form(FormsMatchProcessTest.FORMS
                    .resolve(step + ".form"))).keys()).as("what the form of " + step + " binds").containsAll(given)
                    .contains("lastYearsItems");
        }

        // when the secretary's report is longer than 4,000 characters, it is refused and nothing is written
        Map<String, Object> meeting = meetingRecord(cycle, "2025-02-20");
        meeting.put("rectificationReport", "整改".repeat(2001));
        assertThat(cycle.refuse("holdMembersMeeting", meeting).getMessage())
                .contains("「" + REPORT_LABEL + "」不能超过 4000 个字");
        assertThat(membersMeeting(cycle.businessKey)).isNull();

        // when the secretary edits it and the meeting is filed, the edited report is kept as submitted
        String edited = report + "\n第 3 项因资金未到位推迟，已列入本年度整改清单。";
        meeting.put("rectificationReport", edited);
        cycle.complete("holdMembersMeeting", meeting);
        assertThat(membersMeeting(cycle.businessKey)).containsEntry("rectification_report", edited);

        // and the step done again shows what the secretary saved, and the archive has it with the meeting
        cycle.jumpToAlso("holdMembersMeeting");
        assertThat(cycle.variable("holdMembersMeeting", "rectificationReport")).isEqualTo(edited);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> meetings = (List<Map<String, Object>>) archive
                .read(cycles.find(cycle.businessKey).orElseThrow()).get("meetings");
        assertThat(meetings).extracting(m -> m.get("rectificationReport")).containsExactly(edited);
    }

    @Test
    void aListNobodyFollowedIsShownAsSuchAndAFormWithoutTheReportIsAccepted() {
        // given DDG-09's 2074 list filed before the follow-up existed: its items have no state, no commitment kept
        TestClock.at(2075, 2, 21);
        String lastYear = reviewCycles.start("DDG-09", 2074, Map.of()).id();
        rectification.savePlan(lastYear, List.of(item(1, "理论学习不够系统", "每月集中学习一次", LocalDate.of(2075, 6, 30)),
                item(2, "组织生活不够规范", "按时召开“三会一课”", LocalDate.of(2075, 9, 30))), List.of());

        // when the 2075 cycle comes to its members' meeting
        TestClock.at(2076, 2, 17);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-09", 2075).jumpTo("holdMembersMeeting");

        // then the items are shown as not followed, and so does the report
        assertThat(cycle.variable("holdMembersMeeting", "lastYearsItems")).isEqualTo("""
                1. 理论学习不够系统；整改措施：每月集中学习一次；未跟踪
                2. 组织生活不够规范；整改措施：按时召开“三会一课”；未跟踪""");
        assertThat(cycle.variable("holdMembersMeeting", "rectificationReport"))
                .isEqualTo("上年度整改清单共 2 项，没有跟踪整改销号情况。");

        // when the form of the previous release, which has no report, is submitted, it is accepted without one
        cycle.complete("holdMembersMeeting", meetingRecord(cycle, "2076-02-20"));
        assertThat(cycle.openTasks()).doesNotContain("holdMembersMeeting");
        assertThat(membersMeeting(cycle.businessKey)).containsEntry("rectification_report", null);
    }

    @Test
    void aBranchWithoutLastYearsCycleHasNothingShownOrPrefilled() {
        // given DDG-09 without a cycle of 2076, when its 2077 cycle is at both steps
        TestClock.at(2078, 2, 17);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-09", 2077)
                .jumpTo("examineProblems", "holdMembersMeeting");

        // then the items are hidden and the report is left to the secretary
        assertThat(cycle.variable("examineProblems", "lastYearsItems")).isNull();
        assertThat(cycle.variable("holdMembersMeeting", "lastYearsItems")).isNull();
        assertThat(cycle.variable("holdMembersMeeting", "rectificationReport")).isNull();
    }

    @Test
    void aListAllDoneOnTimeIsReportedClosedAndNoZeroIsReadOut() {
        LocalDate due = LocalDate.of(2024, 6, 28);
        List<RectificationProgress.Item> items = List.of(done(1, due), done(2, due));
        LastYearsRectification.LastYear lastYear = new LastYearsRectification.LastYear(items, LocalDate.of(2025, 2, 17),
                new CommitmentsKept(3, 3, 0, 0));

        assertThat(lastYear.report()).isEqualTo("""
                上年度整改清单共 2 项：按期完成 2 项，已全部销号。
                党员作出整改承诺 3 人：践诺 3 人。""");
    }

    static RectificationProgress.Item done(int seq, LocalDate due) {
        return new RectificationProgress.Item(seq, "问题" + seq, "措施" + seq, due, "马东升", RectificationItemState.CONFIRMED,
                due, "已完成", due, "sec-DDG-09", null, due, "liaison1", 0, null, null);
    }
}
