package org.orglife.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each shipped file against the State Council notice it transcribes, entered here a second time
 * as the notice words it (holiday periods and worked days) so that a typo in either place shows.
 */
class ShippedHolidayFilesTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar("");

    static Stream<Arguments> notices() {
        return Stream.of(
                Arguments.of(2021,
                        "2021-01-01..2021-01-03 2021-02-11..2021-02-17 2021-04-03..2021-04-05 2021-05-01..2021-05-05 "
                                + "2021-06-12..2021-06-14 2021-09-19..2021-09-21 2021-10-01..2021-10-07",
                        "2021-02-07 2021-02-20 2021-04-25 2021-05-08 2021-09-18 2021-09-26 2021-10-09"),
                Arguments.of(2022,
                        "2022-01-01..2022-01-03 2022-01-31..2022-02-06 2022-04-03..2022-04-05 2022-04-30..2022-05-04 "
                                + "2022-06-03..2022-06-05 2022-09-10..2022-09-12 2022-10-01..2022-10-07",
                        "2022-01-29 2022-01-30 2022-04-02 2022-04-24 2022-05-07 2022-10-08 2022-10-09"),
                Arguments.of(2023,
                        "2022-12-31..2023-01-02 2023-01-21..2023-01-27 2023-04-05..2023-04-05 2023-04-29..2023-05-03 "
                                + "2023-06-22..2023-06-24 2023-09-29..2023-10-06",
                        "2023-01-28 2023-01-29 2023-04-23 2023-05-06 2023-06-25 2023-10-07 2023-10-08"),
                Arguments.of(2024,
                        "2024-01-01..2024-01-01 2024-02-10..2024-02-17 2024-04-04..2024-04-06 2024-05-01..2024-05-05 "
                                + "2024-06-10..2024-06-10 2024-09-15..2024-09-17 2024-10-01..2024-10-07",
                        "2024-02-04 2024-02-18 2024-04-07 2024-04-28 2024-05-11 2024-09-14 2024-09-29 2024-10-12"),
                Arguments.of(2025,
                        "2025-01-01..2025-01-01 2025-01-28..2025-02-04 2025-04-04..2025-04-06 2025-05-01..2025-05-05 "
                                + "2025-05-31..2025-06-02 2025-10-01..2025-10-08",
                        "2025-01-26 2025-02-08 2025-04-27 2025-09-28 2025-10-11"),
                Arguments.of(2026,
                        "2026-01-01..2026-01-03 2026-02-15..2026-02-23 2026-04-04..2026-04-06 2026-05-01..2026-05-05 "
                                + "2026-06-19..2026-06-21 2026-09-25..2026-09-27 2026-10-01..2026-10-07",
                        "2026-01-04 2026-02-14 2026-02-28 2026-05-09 2026-09-20 2026-10-10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notices")
    void theYearDiffersFromAPlainWeekExactlyWhereTheNoticeSays(int year, String holidayPeriods, String workedDays) {
        Set<LocalDate> expected = new TreeSet<>();
        for (String period : holidayPeriods.split(" ")) {
            String[] bounds = period.split("\\.\\.");
            LocalDate.parse(bounds[0]).datesUntil(LocalDate.parse(bounds[1]).plusDays(1))
                    .filter(day -> day.getYear() == year && !WorkingDayCalendar.isWeekend(day))
                    .forEach(expected::add);
        }
        Arrays.stream(workedDays.split(" ")).map(LocalDate::parse).forEach(expected::add);

        Set<LocalDate> actual = new TreeSet<>();
        LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(day -> calendar.isWorkingDay(day) == WorkingDayCalendar.isWeekend(day))
                .forEach(actual::add);

        assertThat(calendar.hasHolidayFileFor(year)).isTrue();
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
