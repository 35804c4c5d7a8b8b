package org.orglife.calendar;

import org.springframework.core.io.Resource;

/**
 * A year's holiday file wherever it was found.
 *
 * @param location where a person would look for it, shown in messages
 */
record HolidayFile(int year, String name, String location, Resource resource) {
}
