package org.orglife.campaign;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.orglife.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * When each step of a branch's cycle is due, computed backwards from the township's deadlines on the
 * working-day calendar. A deadline that falls on a day off moves to the working day before it. Each
 * step is due one working day before the step that follows it, and never later than its own
 * deadline: statistics by the statistics deadline; before that the filing review, the end of the
 * publicity period (N working days) and the rectification plan; rating, the meetings and the liaison's
 * comment by the meetings deadline; the three preparation steps before the meetings; the work plan
 * by the plan deadline. Steps are due at 18:00 Shanghai time; "due soon" starts two working days
 * before, "overdue level 2" two working days after.
 */
@Component
public class StepSchedule {

    public static final LocalTime DUE_TIME = LocalTime.of(18, 0);
    static final int ESCALATION_WORKING_DAYS = 2;

    private final WorkingDayCalendar calendar;

    public StepSchedule(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** Due day of every user task of {@code branch-annual-review} and {@code unqualified-member-disposition}. */
    public Map<String, LocalDate> dueDays(Deadlines d) {
        LocalDate statistics = calendar.latestWorkingDayOnOrBefore(d.statisticsDueBy());
        LocalDate meetings = calendar.latestWorkingDayOnOrBefore(d.meetingsDueBy());
        LocalDate plan = calendar.latestWorkingDayOnOrBefore(d.planDueBy());
        LocalDate filing = before(statistics, 1);
        LocalDate publicityEnd = before(filing, 1);
        LocalDate rectification = before(publicityEnd, d.publicityWorkingDays());
        LocalDate rating = earlier(meetings, before(rectification, 1));
        LocalDate membersMeeting = before(rating, 1);
        LocalDate committeeMeeting = before(membersMeeting, 1);
        LocalDate preparation = before(committeeMeeting, 1);
        LocalDate review = earlier(plan, before(preparation, 1));
        Map<String, LocalDate> due = new LinkedHashMap<>();
        due.put("draftWorkPlan", before(review, 1));
        due.put("reviewWorkPlan", review);
        due.put("organizeStudy", preparation);
        due.put("solicitOpinions", preparation);
        due.put("examineProblems", preparation);
        due.put("holdCommitteeMeeting", committeeMeeting);
        due.put("holdMembersMeeting", membersMeeting);
        due.put("attendAndComment", rating);
        due.put("rateMembers", rating);
        due.put("approveExcellentException", before(rectification, 1));
        due.put("planRectification", rectification);
        due.put("recordPublicityFeedback", publicityEnd);
        due.put("reviewFiling", filing);
        due.put("submitStatistics", statistics);
        due.put("decideDisposition", statistics);
        due.put("approveDisposition", calendar.plusWorkingDays(statistics, ESCALATION_WORKING_DAYS));
        return due;
    }

    public Optional<ZonedDateTime> dueAt(String taskKey, Deadlines deadlines) {
        return Optional.ofNullable(dueDays(deadlines).get(taskKey)).map(this::at);
    }

    public ZonedDateTime at(LocalDate day) {
        return ZonedDateTime.of(day, DUE_TIME, calendar.zone());
    }

    /** From when a step counts as due soon (即将到期): two working days before it is due. */
    public ZonedDateTime followUpAt(ZonedDateTime due) {
        return at(calendar.minusWorkingDays(due.toLocalDate(), ESCALATION_WORKING_DAYS));
    }

    /** When an overdue step goes to the supervisors (level 2): two working days after it was due. */
    public ZonedDateTime level2At(ZonedDateTime due) {
        return at(calendar.plusWorkingDays(due.toLocalDate(), ESCALATION_WORKING_DAYS));
    }

    /** Whole working days from the due day to today (0 on the due day itself). */
    public int workingDaysOverdue(ZonedDateTime due, LocalDate today) {
        return Math.max(0, calendar.workingDaysBetween(due.toLocalDate(), today));
    }

    private LocalDate before(LocalDate day, int workingDays) {
        return calendar.minusWorkingDays(day, workingDays);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
