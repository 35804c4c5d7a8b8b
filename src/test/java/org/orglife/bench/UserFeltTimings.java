package org.orglife.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycles;
import org.orglife.security.WebSession;
import org.orglife.security.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a person waits for, measured over HTTP against the running application, as the browser asks
 * (Tasklist's own calls, the dashboard's page), in the demo township:
 * <ul>
 * <li>{@code login_inbox}: a secretary signs in to Tasklist and gets their first task list (the sign-in,
 * the filters and their counts, the first page of 我的待办);</li>
 * <li>{@code open_form}: the 48-member rating form opens (its variables and its form);</li>
 * <li>{@code submit_rating}: the 48-member rating form is submitted, every member graded, and saved;</li>
 * <li>{@code dashboard}: the supervisor's dashboard page;</li>
 * <li>{@code tasklist_assets}: Tasklist's sign-in page, scripts and styles, fetched as a browser with an
 * empty cache does, and {@code tasklist_assets_kb}, what came over the wire (on loopback the time is
 * no measure of a phone's connection; the size is).</li>
 * </ul>
 * Not part of {@code ./mvnw verify} (the name is no test's): run it on an idle machine with
 * {@code ./mvnw test -Dtest=UserFeltTimings -Dsurefire.failIfNoSpecifiedTests=false}, adding
 * {@code -Dbench.db=postgres} for PostgreSQL (the database {@code orglife_test}, as the postgres
 * profile's tests) and {@code -Dbench.samples=N} (20 by default). The last line is {@code USERFELT {...}}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orglife.identity.initial-password=demo")
@ActiveProfiles(resolver = UserFeltTimings.Database.class)
class UserFeltTimings {

    static final int SAMPLES = Integer.getInteger("bench.samples", 20);
    static final int WARMUP = 3;
    /** The demo's branch with 48 formal members to grade (52 members). */
    static final String BRANCH = "DDG-01";
    static final int FIRST_YEAR = 2070;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** H2 in memory, or the postgres profile's PostgreSQL database. */
    static class Database implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return "postgres".equals(System.getProperty("bench.db")) ? new String[] {"demo", "test", "pgtest"}
                    : new String[] {"demo", "test"};
        }
    }

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;

    @Test
    void whatAPersonWaitsFor() throws Exception {
        // one 48-member rating form per sample, each its own year's cycle, standing at the rating
        List<String> ratings = new ArrayList<>();
        List<Map<String, Object>> submissions = new ArrayList<>();
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            int year = FIRST_YEAR + i;
            CycleDriver cycle = CycleDriver.start(engine, reviewCycles, BRANCH, year).jumpTo("rateMembers");
            String task = cycle.task("rateMembers").getId();
            Map<String, Object> prefilled = engine.getFormService().getTaskFormVariables(task);
            assertThat(cycle.list("rateMembers", "ratings")).hasSize(48);
            ratings.add(task);
            submissions.add(CycleForms.values("rateMembers", prefilled, year));
        }

        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            boolean counted = i >= WARMUP;
            String task = ratings.get(i);
            Map<String, Object> values = submissions.get(i);
            time(samples, "login_inbox", counted, () -> {
                WebappSession session = WebappSession.signInToTasklist(http, "sec-" + BRANCH);
                // as Tasklist starts: the filters, each one's count for the side list, the first one's tasks
                ok(session.get(WebappSession.ENGINES + "/default/filter/count?itemCount=false&resourceType=Task"));
                JsonNode filters = ok(session.get(WebappSession.ENGINES + "/default/filter?firstResult=0"
                        + "&maxResults=2000&itemCount=false&resourceType=Task"));
                String mine = null;
                for (JsonNode filter : filters) {
                    ok(session.get(WebappSession.ENGINES + "/default/filter/" + filter.path("id").asText() + "/count"));
                    if ("我的待办".equals(filter.path("name").asText())) {
                        mine = filter.path("id").asText();
                    }
                }
                ok(session.post(WebappSession.ENGINES + "/default/filter/" + mine + "/list?firstResult=0&maxResults=15",
                        "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"));
                return session;
            });
            WebappSession session = WebappSession.signInToTasklist(http, "sec-" + BRANCH);
            time(samples, "open_form", counted, () -> {
                ok(session.get(WebappSession.ENGINES + "/default/task/" + task + "/form-variables"));
                ok(session.get(WebappSession.ENGINES + "/default/task/" + task + "/deployed-form"));
                return null;
            });
            String body = submission(values);
            time(samples, "submit_rating", counted, () -> {
                ResponseEntity<JsonNode> saved = session.post(WebappSession.ENGINES + "/default/task/" + task
                        + "/submit-form", body);
                assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(204);
                return null;
            });
        }
        // Tasklist's first load in a browser with nothing cached: its page, scripts and styles, as sent
        HttpClient browser = HttpClient.newHttpClient();
        long[] sent = new long[1];
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            time(samples, "tasklist_assets", i >= WARMUP, () -> {
                sent[0] = 0;
                for (String asset : TASKLIST_ASSETS) {
                    sent[0] += fetch(browser, http.getRootUri() + asset);
                }
                return null;
            });
        }
        WebSession supervisor = WebSession.signIn(http, "supervisor");
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            time(samples, "dashboard", i >= WARMUP, () -> {
                assertThat(supervisor.get("/dashboard").getStatusCode().value()).isEqualTo(200);
                return null;
            });
        }

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("db", System.getProperty("bench.db", "h2"));
        line.put("samples", SAMPLES);
        line.put("tasklist_assets_kb", Math.round(sent[0] / 1024.0));
        samples.forEach((name, ms) -> {
            line.put(name + "_p50_ms", percentile(ms, 50));
            line.put(name + "_p95_ms", percentile(ms, 95));
        });
        System.out.println("USERFELT " + JSON.writeValueAsString(line));
    }

    /** What a browser fetches for Tasklist's sign-in page before it shows anything. */
    static final List<String> TASKLIST_ASSETS = List.of("/camunda/app/tasklist/default/",
            "/camunda/lib/deps.js", "/camunda/app/tasklist/camunda-tasklist-bootstrap.js",
            "/camunda/app/tasklist/camunda-tasklist-bootstrap.css");

    /** Fetches as a browser does (accepting gzip); the bytes that came over the wire. */
    static long fetch(HttpClient browser, String url) {
        try {
            HttpResponse<byte[]> answer = browser.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).as(url).isEqualTo(200);
            return answer.body().length;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(url, e);
        }
    }

    /** The rating form's submission as Tasklist sends it: lists as Json variables. */
    static String submission(Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            variables.put(e.getKey(), e.getValue() instanceof List<?>
                    ? Map.of("value", JSON.writeValueAsString(e.getValue()), "type", "Json")
                    : Map.of("value", e.getValue()));
        }
        return JSON.writeValueAsString(Map.of("variables", variables));
    }

    static JsonNode ok(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody();
    }

    static void time(Map<String, List<Double>> samples, String name, boolean counted, Supplier<?> call) {
        long start = System.nanoTime();
        call.get();
        double ms = (System.nanoTime() - start) / 1e6;
        if (counted) {
            samples.computeIfAbsent(name, k -> new ArrayList<>()).add(ms);
        }
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return Math.round(sorted.get(Math.max(0, index)) * 10) / 10.0;
    }
}
