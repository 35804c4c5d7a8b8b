package org.orglife.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Labels of our {@code zh-CN.json} for a webapp, to compare with what the browser shows. */
final class WebappLabels {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String zhCn(String app, String key) {
        String path = "/META-INF/resources/webjars/camunda/app/" + app + "/locales/zh-CN.json";
        try (InputStream in = WebappLabels.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path + " on the classpath");
            }
            JsonNode label = JSON.readTree(in).path("labels").path(key);
            if (!label.isTextual()) {
                throw new IllegalStateException("no label " + key + " in " + path);
            }
            return label.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebappLabels() {
    }
}
