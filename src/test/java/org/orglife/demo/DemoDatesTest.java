package org.orglife.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.campaign.Campaigns;
import org.orglife.cycle.Deadlines;
import org.orglife.cycle.StepSchedule;

/**
 * The demo started on any day of two years shows work of that day: a campaign the township could
 * launch (no refusal, no warning about its deadlines), the plans still open under 督办 by the day's end,
 * the preparation due within two working days (即将到期), the meetings ahead.
 */
class DemoDatesTest {

    final WorkingDayCalendar calendar = new WorkingDayCalendar("");
    final StepSchedule schedule = new StepSchedule(calendar);

    @Test
    void onAnyDayTheDemoCampaignHasOverdueAndDueSoonWork() {
        SoftAssertions softly = new SoftAssertions();
        for (LocalDate today = LocalDate.of(2026, 1, 1); today.isBefore(LocalDate.of(2028, 1, 1));
                today = today.plusDays(1)) {
            DemoDates dates = DemoDates.around(today, calendar);
            Campaigns.LaunchRequest request = new Campaigns.LaunchRequest(dates.year(), dates.planDueBy(),
                    dates.meetingsDueBy(), dates.statisticsDueBy(), 5, new BigDecimal("0.2"));
            softly.assertThat(Campaigns.check(request)).as("launchable on %s", today).isEmpty();
            Deadlines deadlines = new Deadlines(dates.planDueBy(), dates.meetingsDueBy(), dates.statisticsDueBy(), 5);
            softly.assertThat(schedule.warnings(deadlines)).as("no warning on %s", today).isEmpty();
            softly.assertThat(dates.year()).as("the year under review on %s", today)
                    .isEqualTo(today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1);

            Map<String, LocalDate> due = schedule.dueDays(deadlines);
            ZonedDateTime endOfToday = schedule.at(today);
            softly.assertThat(dates.launchedOn()).as("launched before the first step is due, on %s", today)
                    .isBefore(due.get("draftWorkPlan"));
            softly.assertThat(schedule.level2At(schedule.at(due.get("draftWorkPlan"))))
                    .as("a plan still drafting is under 督办 on %s", today).isBeforeOrEqualTo(endOfToday);
            softly.assertThat(schedule.followUpAt(schedule.at(due.get("organizeStudy"))))
                    .as("the preparation is due soon on %s", today).isBeforeOrEqualTo(endOfToday);
            softly.assertThat(due.get("organizeStudy")).as("and not overdue on %s", today).isAfter(today);
            softly.assertThat(due.get("holdCommitteeMeeting")).isAfter(today);
            softly.assertThat(dates.committeePlannedOn()).isEqualTo(due.get("holdCommitteeMeeting"));
            softly.assertThat(dates.membersPlannedOn()).isEqualTo(due.get("holdMembersMeeting"));
        }
        softly.assertAll();
        assertThat(DemoDates.around(LocalDate.of(2026, 12, 6), calendar).year()).isEqualTo(2026);
    }
}
