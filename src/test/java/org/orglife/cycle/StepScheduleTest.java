package org.orglife.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orglife.calendar.WorkingDayCalendar;

/** Due dates by hand on the 2022 calendar (Spring Festival 1-31 to 2-6 off, 1-29 and 1-30 worked). */
class StepScheduleTest {

    final StepSchedule schedule = new StepSchedule(new WorkingDayCalendar(""));

    @Test
    void theNoticesDeadlinesGiveThePlanBeforeTheTownshipsDeadlineAndTheMeetingsBeforeTheEndOfFebruary() {
        Map<String, LocalDate> due = schedule.dueDays(new Deadlines(LocalDate.of(2022, 2, 22),
                LocalDate.of(2022, 2, 28), LocalDate.of(2022, 3, 5), 5));

        assertThat(due.get("draftWorkPlan")).isEqualTo("2022-02-21");
        assertThat(due.get("reviewWorkPlan")).isEqualTo("2022-02-22");
        assertThat(due.get("organizeStudy")).isEqualTo("2022-02-23");
        assertThat(due.get("holdCommitteeMeeting")).isEqualTo("2022-02-24");
        assertThat(due.get("holdMembersMeeting")).isEqualTo("2022-02-25");
        assertThat(due.get("rateMembers")).isEqualTo("2022-02-28");
        assertThat(due.get("planRectification")).isEqualTo("2022-03-01");
        assertThat(due.get("recordPublicityFeedback")).isEqualTo("2022-03-08");
        assertThat(due.get("reviewFiling")).isEqualTo("2022-03-09");
        assertThat(due.get("submitStatistics")).isEqualTo("2022-03-10");
    }

    @Test
    void fiveWorkingDaysOfPublicityThatDoNotFitBeforeTheStatisticsDeadlineAreReported() {
        assertThat(schedule.warnings(new Deadlines(LocalDate.of(2022, 2, 22), LocalDate.of(2022, 2, 28),
                LocalDate.of(2022, 3, 5), 5)))
                .containsExactly("整改清单公示 5 个工作日，会议截止后各环节依次办理，统计表最早于 2022-03-10 报送，"
                        + "晚于统计表报送截止日期 2022-03-05");
    }

    @Test
    void stepsBeforeTheSpringFestivalFallOnTheAdjustedWorkingSaturdayAndSunday() {
        Map<String, LocalDate> due = schedule.dueDays(new Deadlines(LocalDate.of(2022, 2, 8),
                LocalDate.of(2022, 2, 10), LocalDate.of(2022, 2, 25), 3));

        assertThat(due.get("organizeStudy")).isEqualTo("2022-02-07");
        assertThat(due.get("reviewWorkPlan")).as("the working day before 2-7 is the 调休 Sunday").isEqualTo("2022-01-30");
        assertThat(due.get("draftWorkPlan")).as("and before it the 调休 Saturday").isEqualTo("2022-01-29");
        assertThat(due.get("planRectification")).isEqualTo("2022-02-18");
        assertThat(due.get("recordPublicityFeedback")).isEqualTo("2022-02-23");
        assertThat(due.get("submitStatistics")).isEqualTo("2022-02-25");
        assertThat(schedule.warnings(new Deadlines(LocalDate.of(2022, 2, 8), LocalDate.of(2022, 2, 10),
                LocalDate.of(2022, 2, 25), 3))).isEmpty();
    }

    @Test
    void aDeadlineOnADayOffMovesToTheWorkingDayBefore() {
        Map<String, LocalDate> due = schedule.dueDays(new Deadlines(LocalDate.of(2022, 2, 5),
                LocalDate.of(2022, 2, 27), LocalDate.of(2022, 3, 31), 5));

        assertThat(due.get("rateMembers")).as("2-27 is a Sunday").isEqualTo("2022-02-25");
        assertThat(due.get("reviewWorkPlan")).as("2-5 is in the Spring Festival").isEqualTo("2022-01-30");
    }

    @Test
    void dueSoonStartsTwoWorkingDaysBeforeAndLevelTwoComesTwoWorkingDaysAfter() {
        var due = schedule.at(LocalDate.of(2022, 2, 7));

        assertThat(schedule.followUpAt(due).toLocalDate()).isEqualTo("2022-01-29");
        assertThat(schedule.level2At(schedule.at(LocalDate.of(2022, 1, 28))).toLocalDate()).isEqualTo("2022-01-30");
        assertThat(schedule.workingDaysOverdue(schedule.at(LocalDate.of(2022, 1, 28)), LocalDate.of(2022, 2, 8)))
                .isEqualTo(4);
    }
}
