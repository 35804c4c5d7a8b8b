package org.orglife.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds a form's pre-filled variables; lists become Json variables, which form-js lists bind to. */
public final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values = new LinkedHashMap<>();

    /**
     * A null value is left out: its field shows empty, and what the form submits for it lands on the
     * task all the same (TaskForms).
     */
    public FormValues put(String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
        return this;
    }

    public FormValues list(String key, List<? extends Map<String, ?>> items) {
        try {
            values.put(key, SpinValues.jsonValue(JSON.writeValueAsString(items)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public Map<String, Object> toMap() {
        return values;
    }

    /** One list item; null values allowed. */
    public static Map<String, Object> item(Object... keysAndValues) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            item.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return item;
    }
}
