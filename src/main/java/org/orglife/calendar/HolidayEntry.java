package org.orglife.calendar;

import java.time.LocalDate;

/**
 * One line of a holiday file. The holiday's name on the line is for the people who read the file;
 * the calendar needs only the date and whether it is off or worked.
 */
record HolidayEntry(LocalDate date, Kind kind, String fileName, int lineNumber) {

    enum Kind {
        DAY_OFF("休"),
        ADJUSTED_WORKING_DAY("班");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }

        static Kind ofSymbol(String symbol) {
            for (Kind kind : values()) {
                if (kind.symbol.equals(symbol)) {
                    return kind;
                }
            }
            return null;
        }
    }
}
