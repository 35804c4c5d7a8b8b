package org.orglife.cycle;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Sets the engine's clock (which the steps and timers read) to 09:00 Beijing time on a day; reset after each test. */
public final class TestClock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public static void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, 9, 0, 0, 0, SHANGHAI).toInstant()));
    }

    public static void at(java.time.Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public static java.time.Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static void reset() {
        ClockUtil.reset();
    }

    private TestClock() {
    }
}
