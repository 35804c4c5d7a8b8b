package org.orglife.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.orglife.calendar.WorkingDayCalendar;

/**
 * The demo campaign's year and deadlines, placed around the day the demo is created so that it shows
 * work of today: the year under review is the one whose review is nearest (before July the year just
 * ended, from July on this year); plans were due five working days ago (the branches still drafting
 * theirs are overdue and under 督办), the meetings are due in five working days (the branches preparing
 * have steps due this week), the statistics in fifteen. The campaign was launched four weeks ago.
 */
record DemoDates(int year, LocalDate launchedOn, LocalDate planDueBy, LocalDate meetingsDueBy,
        LocalDate statisticsDueBy, LocalDate committeePlannedOn, LocalDate membersPlannedOn) {

    /** When the campaign was launched: 09:00 on its day. */
    Instant launchedAt(ZoneId zone) {
        return launchedOn.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
    }

    static DemoDates around(LocalDate today, WorkingDayCalendar calendar) {
        int year = today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
        LocalDate meetings = calendar.plusWorkingDays(today, 5);
        return new DemoDates(year, today.minusWeeks(4), calendar.minusWorkingDays(today, 5), meetings,
                calendar.plusWorkingDays(today, 15), calendar.minusWorkingDays(meetings, 2),
                calendar.minusWorkingDays(meetings, 1));
    }
}
