package org.orglife.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Database rows as JSON-friendly maps: column {@code member_id} becomes key {@code memberId}. */
public final class Rows {

    public static List<Map<String, Object>> camelCase(List<Map<String, Object>> rows) {
        return rows.stream().map(Rows::camelCase).toList();
    }

    public static Map<String, Object> camelCase(Map<String, Object> row) {
        Map<String, Object> result = new LinkedHashMap<>();
        row.forEach((column, value) -> result.put(camel(column.toLowerCase()), value));
        return result;
    }

    static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    private Rows() {
    }
}
