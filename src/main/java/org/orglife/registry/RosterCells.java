package org.orglife.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Typed access to one roster row's cells; every bad value becomes a problem naming line and column. */
class RosterCells {

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

    private final RosterTable table;
    private final RosterTable.Row row;
    private final List<RosterProblem> problems;

    RosterCells(RosterTable table, RosterTable.Row row, List<RosterProblem> problems) {
        this.table = table;
        this.row = row;
        this.problems = problems;
    }

    int line() {
        return row.line();
    }

    void problem(String column, String message) {
        problems.add(new RosterProblem(table.source(), row.line(), column, message));
    }

    /** The trimmed text, or null when empty. */
    String optional(String column) {
        String value = row.cells().getOrDefault(column, "").trim();
        return value.isEmpty() ? null : value;
    }

    String required(String column) {
        String value = optional(column);
        if (value == null) {
            problem(column, "不能为空");
        }
        return value;
    }

    String matching(String column, Pattern pattern, String expected, boolean required) {
        String value = required ? required(column) : optional(column);
        if (value != null && !pattern.matcher(value).matches()) {
            problem(column, "“" + value + "”格式不对，应为" + expected);
            return null;
        }
        return value;
    }

    String limited(String column, int maxLength, boolean required) {
        String value = required ? required(column) : optional(column);
        if (value != null && value.length() > maxLength) {
            problem(column, "不能超过 " + maxLength + " 个字");
            return null;
        }
        return value;
    }

    /** 是 / 否; empty means 否. */
    boolean flag(String column) {
        String value = optional(column);
        if (value == null || value.equals("否")) {
            return false;
        }
        if (value.equals("是")) {
            return true;
        }
        problem(column, "只能填“是”或“否”，不能是“" + value + "”");
        return false;
    }

    <T> T choice(String column, Function<String, Optional<T>> fromLabel, String allowed, T whenEmpty) {
        String value = whenEmpty == null ? required(column) : optional(column);
        if (value == null) {
            return whenEmpty;
        }
        Optional<T> parsed = fromLabel.apply(value);
        if (parsed.isEmpty()) {
            problem(column, "“" + value + "”不是有效值，只能是：" + allowed);
            return null;
        }
        return parsed.get();
    }

    LocalDate date(String column, boolean required) {
        String value = required ? required(column) : optional(column);
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, SLASHED) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(column, "“" + value + "”不是有效日期，应写成 2021-07-01 这样的格式");
            return null;
        }
    }

    Integer integer(String column, int min, int max) {
        String value = required(column);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                problem(column, "“" + value + "”超出范围（" + min + "–" + max + "）");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problem(column, "“" + value + "”不是整数");
            return null;
        }
    }
}
