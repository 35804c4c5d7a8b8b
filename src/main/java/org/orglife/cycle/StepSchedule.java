package org.orglife.cycle;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.orglife.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * When each step of a branch's cycle is due, on the working-day calendar. A deadline that falls on a
 * day off moves to the working day before it. Up to rating, steps are computed backwards from the
 * meetings deadline, one working day apart (the meetings, before them the three preparation steps,
 * before them the plan, itself never later than the plan deadline). After rating, the rectification
 * plan, the publicity period of N working days, the filing review and the statistics are computed
 * backwards from the statistics deadline, but never earlier than the step before them allows: when
 * the publicity period does not fit between the two deadlines, the later steps move past the
 * statistics deadline and {@link #warnings} says so. Steps are due at 18:00 Shanghai time; "due soon"
 * starts two working days before, "overdue level 2" two working days after.
 */
@Component
public class StepSchedule {

    /** The township's time zone, in which days and due times are counted. */
    public ZoneId zone() {
        return calendar.zone();
    }

    public static final LocalTime DUE_TIME = LocalTime.of(18, 0);
    static final int ESCALATION_WORKING_DAYS = 2;

    private final WorkingDayCalendar calendar;

    public StepSchedule(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** Due day of every user task of {@code branch-annual-review} and {@code unqualified-member-disposition}. */
    public Map<String, LocalDate> dueDays(Deadlines d) {
        LocalDate statisticsDeadline = calendar.latestWorkingDayOnOrBefore(d.statisticsDueBy());
        LocalDate rating = calendar.latestWorkingDayOnOrBefore(d.meetingsDueBy());
        LocalDate membersMeeting = before(rating, 1);
        LocalDate committeeMeeting = before(membersMeeting, 1);
        LocalDate preparation = before(committeeMeeting, 1);
        LocalDate review = earlier(calendar.latestWorkingDayOnOrBefore(d.planDueBy()), before(preparation, 1));
        LocalDate rectification = later(before(statisticsDeadline, 2 + d.publicityWorkingDays()), after(rating, 1));
        LocalDate publicityEnd = after(rectification, d.publicityWorkingDays());
        LocalDate filing = after(publicityEnd, 1);
        LocalDate statistics = later(statisticsDeadline, after(filing, 1));
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
        due.put("approveDisposition", after(statistics, ESCALATION_WORKING_DAYS));
        return due;
    }

    /** What the township should know about its deadlines before launching, in Chinese; empty when they fit. */
    public java.util.List<String> warnings(Deadlines d) {
        LocalDate statistics = dueDays(d).get("submitStatistics");
        LocalDate deadline = calendar.latestWorkingDayOnOrBefore(d.statisticsDueBy());
        if (statistics.isAfter(deadline)) {
            return java.util.List.of("整改清单公示 " + d.publicityWorkingDays() + " 个工作日，会议截止后各环节依次办理，"
                    + "统计表最早于 " + statistics + " 报送，晚于统计表报送截止日期 " + d.statisticsDueBy());
        }
        return java.util.List.of();
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

    /** The same for a due instant, as the engine keeps it. */
    public ZonedDateTime level2At(java.time.Instant due) {
        return level2At(due.atZone(calendar.zone()));
    }

    /** Whole working days from the due day to today (0 on the due day itself). */
    public int workingDaysOverdue(ZonedDateTime due, LocalDate today) {
        return Math.max(0, calendar.workingDaysBetween(due.toLocalDate(), today));
    }

    private LocalDate before(LocalDate day, int workingDays) {
        return calendar.minusWorkingDays(day, workingDays);
    }

    private LocalDate after(LocalDate day, int workingDays) {
        return calendar.plusWorkingDays(day, workingDays);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
