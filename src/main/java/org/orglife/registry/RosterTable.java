package org.orglife.registry;

import java.util.List;
import java.util.Map;

/** A table read from a roster file: a CSV file or one sheet of a workbook, header row first. */
record RosterTable(String source, List<String> header, List<Row> rows) {

    /** A data row: its line number in the file (header is line 1) and its cells by column name. */
    record Row(int line, Map<String, String> cells) {
    }

    boolean hasColumn(String column) {
        return header.contains(column);
    }
}
