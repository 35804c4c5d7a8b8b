package org.orglife.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arithmetic, hand-checked against the 2022 Spring Festival and the 2021 National Day holidays. */
class WorkingDayCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final WorkingDayCalendar calendar = new WorkingDayCalendar("");

    @Test
    void theWeekendBeforeSpringFestival2022IsWorked() {
        assertThat(calendar.isWorkingDay(date("2022-01-29"))).as("Saturday 2022-01-29").isTrue();
        assertThat(calendar.isWorkingDay(date("2022-01-30"))).as("Sunday 2022-01-30").isTrue();
    }

    @Test
    void springFestival2022IsOffFrom31JanuaryTo6February() {
        for (LocalDate day = date("2022-01-31"); !day.isAfter(date("2022-02-06")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(date("2022-02-07"))).isTrue();
    }

    @Test
    void oneWorkingDayAfterFriday28January2022IsTheAdjustedSaturday() {
        assertThat(calendar.plusWorkingDays(date("2022-01-28"), 1)).isEqualTo("2022-01-29");
    }

    @Test
    void threeWorkingDaysAfterFriday28January2022JumpTheHoliday() {
        assertThat(calendar.plusWorkingDays(date("2022-01-28"), 3)).isEqualTo("2022-02-07");
    }

    @Test
    void oneWorkingDayBefore7February2022IsTheAdjustedSunday() {
        assertThat(calendar.minusWorkingDays(date("2022-02-07"), 1)).isEqualTo("2022-01-30");
    }

    @Test
    void fiveWorkingDaysAfterFriday25February2022IsFriday4March() {
        assertThat(calendar.plusWorkingDays(date("2022-02-25"), 5)).isEqualTo("2022-03-04");
    }

    @Test
    void zeroWorkingDaysAfterADayOffIsTheNextWorkingDay() {
        assertThat(calendar.plusWorkingDays(date("2022-02-01"), 0)).isEqualTo("2022-02-07");
        assertThat(calendar.plusWorkingDays(date("2022-02-07"), 0)).isEqualTo("2022-02-07");
    }

    @Test
    void zeroWorkingDaysBeforeADayOffIsThePreviousWorkingDay() {
        assertThat(calendar.minusWorkingDays(date("2022-02-03"), 0)).isEqualTo("2022-01-30");
    }

    @Test
    void negativeCountsGoTheOtherWay() {
        assertThat(calendar.plusWorkingDays(date("2022-02-07"), -1)).isEqualTo("2022-01-30");
        assertThat(calendar.minusWorkingDays(date("2022-01-28"), -1)).isEqualTo("2022-01-29");
    }

    @ParameterizedTest(name = "({0}, {1}] holds {2} working days")
    @CsvSource({
            "2022-01-28, 2022-02-07, 3",
            "2022-01-21, 2022-02-11, 12",
            "2022-01-30, 2022-02-06, 0",
            "2022-02-07, 2022-02-07, 0",
            "2022-02-07, 2022-01-28, -3",
            "2022-02-11, 2022-01-21, -12",
    })
    void workingDaysBetweenCountsAcrossTheSpringFestival(String from, String to, int expected) {
        assertThat(calendar.workingDaysBetween(date(from), date(to))).isEqualTo(expected);
    }

    @Test
    void countingBackTheDaysAddedGivesTheSameNumber() {
        LocalDate start = date("2022-01-26");
        for (int n = 0; n <= 15; n++) {
            assertThat(calendar.workingDaysBetween(start, calendar.plusWorkingDays(start, n))).as("n=%d", n).isEqualTo(n);
        }
    }

    @Test
    void nationalDay2021IsOffFrom1To7OctoberWithTwoWeekendDaysWorked() {
        assertThat(calendar.isWorkingDay(date("2021-09-26"))).as("Sunday 2021-09-26").isTrue();
        for (LocalDate day = date("2021-10-01"); !day.isAfter(date("2021-10-07")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(date("2021-10-08"))).as("Friday 2021-10-08").isTrue();
        assertThat(calendar.isWorkingDay(date("2021-10-09"))).as("Saturday 2021-10-09").isTrue();
        assertThat(calendar.isWorkingDay(date("2021-10-10"))).as("Sunday 2021-10-10").isFalse();
        assertThat(calendar.plusWorkingDays(date("2021-09-30"), 1)).isEqualTo("2021-10-08");
        assertThat(calendar.workingDaysBetween(date("2021-09-30"), date("2021-10-11"))).isEqualTo(3);
    }

    @Test
    void aDeadlineOnADayOffMovesBackToTheLastWorkingDay() {
        // The notice's statistics deadline, 2022-03-05, is a Saturday.
        assertThat(calendar.latestWorkingDayOnOrBefore(date("2022-03-05"))).isEqualTo("2022-03-04");
        assertThat(calendar.latestWorkingDayOnOrBefore(date("2022-02-06"))).isEqualTo("2022-01-30");
        assertThat(calendar.latestWorkingDayOnOrBefore(date("2022-02-07"))).isEqualTo("2022-02-07");
    }

    @Test
    void addWorkingDaysKeepsTheShanghaiTimeOfDay() {
        Date start = shanghai("2022-01-28T17:30");

        assertThat(calendar.addWorkingDays(start, 1)).isEqualTo(shanghai("2022-01-29T17:30"));
    }

    @Test
    void addWorkingDaysCountsShanghaiDaysEvenWhenUtcIsStillOnTheDayBefore() {
        // 00:30 on Sunday 30 January in Shanghai is still Saturday 29 January in UTC.
        Date start = shanghai("2022-01-30T00:30");

        assertThat(calendar.addWorkingDays(start, 1)).isEqualTo(shanghai("2022-02-07T00:30"));
    }

    @Test
    void theZoneIsShanghai() {
        assertThat(calendar.zone()).isEqualTo(SHANGHAI);
    }

    private static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    private static Date shanghai(String isoLocalDateTime) {
        return Date.from(ZonedDateTime.of(LocalDateTime.parse(isoLocalDateTime), SHANGHAI).toInstant());
    }
}
