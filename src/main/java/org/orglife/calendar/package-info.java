/**
 * The township's working-day calendar: which days count when a step is due "in N working days".
 *
 * <p>{@link org.orglife.calendar.WorkingDayCalendar} is the entry point. It reads one holiday file per
 * year, {@code calendar/holidays-YYYY.txt} on the classpath, transcribed from the State Council General
 * Office's notice for that year. Setting {@code orglife.calendar.dir} to a directory lets the township
 * replace or add a year's file without a rebuild. A year without a file counts weekends only and says
 * so in the log; a malformed file stops the application at start-up with a message naming file and line.
 */
package org.orglife.calendar;
