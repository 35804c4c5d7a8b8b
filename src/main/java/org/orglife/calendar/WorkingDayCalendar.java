package org.orglife.calendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Working days in the township: Asia/Shanghai, Monday to Friday, minus the public holidays and plus
 * the adjusted working days (调休上班) of the State Council's notice for the year.
 *
 * <p>A day is a working day if the year's holiday file lists it as an adjusted working day (班);
 * otherwise if it is neither Saturday nor Sunday and the file does not list it as a day off (休).
 * For a year without a file only weekends are days off, and a warning is logged once for that year.
 *
 * <p>Holiday files are read once, when the calendar is created; see the package documentation for
 * where they come from. The calendar is immutable afterwards and safe to share between threads.
 * Counting methods step one day at a time, which is meant for deadlines of days or weeks.
 */
@Component
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final HolidaySchedule schedule;
    private final Set<Integer> yearsWarnedAbout = ConcurrentHashMap.newKeySet();

    /**
     * Reads the built-in holiday files and, if a directory is given, the township's own files there.
     * Usable without Spring: {@code new WorkingDayCalendar("")} for the built-in files only.
     *
     * @param externalDirectory the property {@code orglife.calendar.dir}: a directory whose
     *                          {@code holidays-YYYY.txt} files replace the built-in file of the same year
     *                          (or add a year); blank or {@code null} for none
     * @throws InvalidHolidayFileException if the directory does not exist or a file is malformed,
     *                                     with a Chinese message naming the file and line
     */
    public WorkingDayCalendar(@Value("${orglife.calendar.dir:}") String externalDirectory) {
        boolean hasDirectory = externalDirectory != null && !externalDirectory.isBlank();
        this.schedule = HolidaySchedule.load(hasDirectory ? Path.of(externalDirectory.strip()) : null);
    }

    /** The calendar's time zone, Asia/Shanghai. */
    public ZoneId zone() {
        return ZONE;
    }

    /**
     * Whether the holiday file of {@code year} was found; without it that year counts weekends only.
     */
    public boolean hasHolidayFileFor(int year) {
        return schedule.covers(year);
    }

    /** Whether people work on {@code date}: see the class description for the rule. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return schedule.kindOf(date)
                .map(kind -> kind == HolidayEntry.Kind.ADJUSTED_WORKING_DAY)
                .orElseGet(() -> {
                    warnOnceIfUncovered(date.getYear());
                    return !isWeekend(date);
                });
    }

    /**
     * The working day {@code n} working days after {@code start}.
     * <ul>
     * <li>{@code n > 0}: the n-th working day strictly after {@code start}; {@code start} itself is never
     * counted, whether or not it is a working day (2022-01-28 plus 1 is the adjusted working Saturday
     * 2022-01-29).</li>
     * <li>{@code n == 0}: {@code start} if it is a working day, else the first working day after it.</li>
     * <li>{@code n < 0}: the same as {@link #minusWorkingDays(LocalDate, int) minusWorkingDays(start, -n)}.</li>
     * </ul>
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        return n >= 0 ? step(start, n, 1) : step(start, -(long) n, -1);
    }

    /**
     * The working day {@code n} working days before {@code start}, mirroring
     * {@link #plusWorkingDays(LocalDate, int)}: for {@code n > 0} the n-th working day strictly before
     * {@code start}; for {@code n == 0} {@code start} if it is a working day, else the last working day
     * before it; for {@code n < 0} the same as {@code plusWorkingDays(start, -n)}.
     */
    public LocalDate minusWorkingDays(LocalDate start, int n) {
        return n >= 0 ? step(start, n, -1) : step(start, -(long) n, 1);
    }

    /**
     * The number of working days {@code d} with {@code fromExclusive < d <= toInclusive}; if
     * {@code toInclusive} is before {@code fromExclusive}, minus the number of working days
     * {@code d} with {@code toInclusive < d <= fromExclusive}. So
     * {@code workingDaysBetween(a, plusWorkingDays(a, n)) == n} for every working day {@code a}, and
     * {@code workingDaysBetween(a, b) == -workingDaysBetween(b, a)}.
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * {@code date} if it is a working day, else the last working day before it; for a deadline that
     * falls on a day off and must be met before it (报送截止日遇节假日提前).
     */
    public LocalDate latestWorkingDayOnOrBefore(LocalDate date) {
        return minusWorkingDays(date, 0);
    }

    /**
     * For the engine's due dates: {@link #plusWorkingDays(LocalDate, int)} applied to the Asia/Shanghai
     * date of {@code start}, keeping its Asia/Shanghai time of day; whatever the server's time zone.
     * For example {@code ${workingDayCalendar.addWorkingDays(now(), 5)}} in a task's due date.
     */
    public Date addWorkingDays(Date start, int n) {
        Objects.requireNonNull(start, "start");
        ZonedDateTime local = start.toInstant().atZone(ZONE);
        LocalDate day = plusWorkingDays(local.toLocalDate(), n);
        return Date.from(ZonedDateTime.of(day, local.toLocalTime(), ZONE).toInstant());
    }

    private LocalDate step(LocalDate start, long count, int direction) {
        Objects.requireNonNull(start, "start");
        LocalDate day = start;
        if (count == 0) {
            while (!isWorkingDay(day)) {
                day = day.plusDays(direction);
            }
            return day;
        }
        for (long remaining = count; remaining > 0; ) {
            day = day.plusDays(direction);
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private void warnOnceIfUncovered(int year) {
        if (!schedule.covers(year) && yearsWarnedAbout.add(year)) {
            log.warn("{} 年没有节假日文件 holidays-{}.txt，工作日历按只有周六、周日休息计算；"
                            + "请在配置项 orglife.calendar.dir 所指目录中补充该年文件。"
                            + " / No holiday file holidays-{}.txt for {}: the working-day calendar counts "
                            + "weekends only as days off; add the file to the directory set in orglife.calendar.dir.",
                    year, year, year, year);
        }
    }
}
