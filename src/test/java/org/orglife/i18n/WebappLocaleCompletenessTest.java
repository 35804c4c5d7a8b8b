package org.orglife.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our zh-CN.json files must keep up with the English files shipped in the Camunda webjar:
 * angular-translate shows a raw key for anything missing, and a lost {{placeholder}}
 * silently drops data from the message.
 */
class WebappLocaleCompletenessTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");

  @ParameterizedTest
  @ValueSource(strings = {"admin", "cockpit", "tasklist", "welcome"})
  void everyEnglishKeyHasAChineseTranslation(String app) throws IOException {
    Map<String, JsonNode> english = flatten(load(app, "en"));
    Map<String, JsonNode> chinese = flatten(load(app, "zh-CN"));

    List<String> missing = new ArrayList<>(english.keySet());
    missing.removeAll(chinese.keySet());

    assertThat(missing).as("keys of %s/en.json missing in %s/zh-CN.json", app, app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "cockpit", "tasklist", "welcome"})
  void chineseTranslationsKeepTheEnglishPlaceholders(String app) throws IOException {
    Map<String, JsonNode> english = flatten(load(app, "en"));
    Map<String, JsonNode> chinese = flatten(load(app, "zh-CN"));

    List<String> mismatches = new ArrayList<>();
    english.forEach((key, englishValue) -> {
      JsonNode chineseValue = chinese.get(key);
      // missing keys are reported by everyEnglishKeyHasAChineseTranslation
      if (chineseValue == null) {
        return;
      }
      Set<String> expected = placeholders(englishValue.asText());
      Set<String> actual = placeholders(chineseValue.asText());
      if (!expected.equals(actual)) {
        mismatches.add(key + ": expected " + expected + " but was " + actual);
      }
    });

    assertThat(mismatches).as("placeholders changed in %s/zh-CN.json", app).isEmpty();
  }

  private static JsonNode load(String app, String locale) throws IOException {
    // en.json comes from the camunda-webapp-webjar, zh-CN.json from our src/main/resources
    String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + locale + ".json";
    try (InputStream in = WebappLocaleCompletenessTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as("%s on the classpath", path).isNotNull();
      return MAPPER.readTree(in);
    }
  }

  /** Dotted paths to leaf values; array elements (e.g. dateLocales.months) get their index. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    String prefix = path.isEmpty() ? "" : path + ".";
    if (node.isObject()) {
      node.properties().forEach(field -> flatten(prefix + field.getKey(), field.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + i, node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
