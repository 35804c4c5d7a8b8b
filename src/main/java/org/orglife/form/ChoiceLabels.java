package org.orglife.form;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a form's stored value is called where users read it: the label the forms ({@code forms/*.form})
 * give each choice of a select or radio (WHOLE → 党员大会, SELF → 自己找), so that a record shown again
 * says what the person chose, in the forms' own words. Where a form words one value twice, the shorter
 * wording is kept. Yes, no and the application ({@code system}) are named here too.
 */
@Component
public class ChoiceLabels {

    private final Map<String, String> labels = new HashMap<>();

    ChoiceLabels() throws IOException {
        labels.put("true", "是");
        labels.put("false", "否");
        labels.put("system", "系统");
        ObjectMapper json = new ObjectMapper();
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = form.getInputStream()) {
                collect(json.readTree(in));
            }
        }
    }

    /** The label of a stored value, or the value itself when it is no choice of a form. */
    public Object label(Object value) {
        if (value == null) {
            return "";
        }
        return labels.getOrDefault(value.toString(), value.toString());
    }

    private void collect(JsonNode node) {
        if (node.isObject() && node.path("values").isArray()) {
            for (JsonNode choice : node.get("values")) {
                String value = choice.path("value").asText(null);
                String label = choice.path("label").asText(null);
                if (value != null && label != null) {
                    labels.merge(value, label, (a, b) -> a.length() <= b.length() ? a : b);
                }
            }
        }
        node.forEach(this::collect);
    }
}
