package org.orglife.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * What a user submitted for a task, read with the field's Chinese label so that every problem can be
 * named. Problems are collected, not thrown one by one: {@link #rejectIfProblems()} refuses the
 * submission with all of them at once.
 */
public class FormData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode values;
    private final String itemLabel;
    private final List<String> problems;

    private FormData(JsonNode values, String itemLabel, List<String> problems) {
        this.values = values == null ? NullNode.getInstance() : values;
        this.itemLabel = itemLabel;
        this.problems = problems;
    }

    /** Reads engine variables: Json (Spin) values, JSON strings, plain strings, numbers, booleans and dates. */
    public static FormData of(Map<String, Object> variables) {
        var node = JSON.createObjectNode();
        variables.forEach((name, value) -> node.set(name, toJson(value)));
        return new FormData(node, null, new ArrayList<>());
    }

    static JsonNode toJson(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        String className = value.getClass().getName();
        if (className.startsWith("org.camunda.spin")) {
            return parse(value.toString());
        }
        if (value instanceof String text && (text.startsWith("[") || text.startsWith("{"))) {
            return parse(text);
        }
        if (value instanceof java.util.Date date) {
            return JSON.getNodeFactory().textNode(date.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"))
                    .toLocalDate().toString());
        }
        return JSON.valueToTree(value);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    public void problem(String message) {
        problems.add(itemLabel == null ? message : itemLabel + "：" + message);
    }

    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    public void rejectIfProblems() {
        if (!problems.isEmpty()) {
            throw new SubmissionRejectedException(problems);
        }
    }

    private JsonNode node(String key) {
        JsonNode node = values.get(key);
        return node == null ? NullNode.getInstance() : node;
    }

    /** Trimmed text, or null when missing or blank. */
    public String text(String key) {
        JsonNode node = node(key);
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        String text = node.isTextual() ? node.asText().trim() : node.toString();
        return text.isEmpty() ? null : text;
    }

    public String text(String key, String label, int maxLength, boolean required) {
        JsonNode node = node(key);
        if (node.isNumber() || node.isBoolean() || node.isContainerNode()) {
            problem("「" + label + "」应填写文字");
            return null;
        }
        String text = text(key);
        if (text == null && required) {
            problem("请填写「" + label + "」");
        } else if (text != null && text.length() > maxLength) {
            problem("「" + label + "」不能超过 " + maxLength + " 个字");
            return null;
        }
        return text;
    }

    public boolean bool(String key) {
        JsonNode node = node(key);
        return node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(node.asText());
    }

    public LocalDate date(String key, String label, boolean required) {
        String text = text(key);
        if (text == null) {
            if (required) {
                problem("请填写「" + label + "」");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            problem("「" + label + "」不是有效日期：" + text);
            return null;
        }
    }

    /** A whole number ≥ 0; empty counts as 0 unless required. */
    public int count(String key, String label, boolean required) {
        JsonNode node = node(key);
        if (node.isNull() || node.isMissingNode() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                problem("请填写「" + label + "」");
            }
            return 0;
        }
        if (node.isIntegralNumber() || (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
            int value = node.asInt();
            if (value < 0 || value > 1_000_000) {
                problem("「" + label + "」不能是负数或过大的数：" + value);
                return 0;
            }
            return value;
        }
        try {
            int value = Integer.parseInt(node.asText().trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem("「" + label + "」应为不小于 0 的整数：" + node.asText());
        return 0;
    }

    public <E extends Enum<E>> E choice(String key, String label, Class<E> type, boolean required) {
        String text = text(key);
        if (text == null) {
            if (required) {
                problem("请选择「" + label + "」");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problem("「" + label + "」的值无效：" + text);
            return null;
        }
    }

    /** The items of a list field, each labelled for messages by {@code itemLabel}. */
    public List<FormData> list(String key, String label, Function<FormData, String> itemLabel) {
        JsonNode node = node(key);
        if (node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem("「" + label + "」格式不对");
            return List.of();
        }
        List<FormData> items = new ArrayList<>();
        int index = 1;
        for (JsonNode item : node) {
            FormData unlabelled = new FormData(item, null, problems);
            String name = itemLabel.apply(unlabelled);
            items.add(new FormData(item, name == null ? label + "第 " + index + " 项" : name, problems));
            index++;
        }
        return items;
    }

    public boolean has(String key) {
        JsonNode node = values.get(key);
        return node != null && !node.isNull();
    }
}
