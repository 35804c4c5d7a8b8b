package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * No text a person sends is ever evaluated as an expression (SECURITY.md). The probe's reproduction (a
 * task query in UTF-16 whose or-query carries an expression calling a bean) and its variants are sent
 * as a secretary and as a liaison cadre, over HTTP Basic to {@code /engine-rest} and through Tasklist's
 * session to the webapps' engine API, to every endpoint that takes a task query; each is refused with a
 * Chinese message, and the expression, which calls {@link ExpressionTrace}, is never evaluated. The
 * engine's own check is tested apart from the HTTP layer in front of it, by calling the engine as the
 * person: the layer in front must not be the only thing that holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class QueryExpressionsTest {

    static final int YEAR = 2057;
    static final String TRACE = "${expressionTrace.leave()}";
    static final String REPRODUCTION = "{\"orQueries\":[{\"dueBeforeExpression\":\"" + TRACE + "\"}]}";
    static final String TASKLIST_ENGINE = "/camunda/api/engine/engine/default";
    static final String JSON = "application/json";

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ExpressionTrace trace;
    @Autowired ReviewCycles reviewCycles;

    int evaluationsBefore;

    @BeforeEach
    void restTalksToThisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
        if (engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-DDG-01").count() == 0) {
            reviewCycles.start("DDG-01", YEAR, Map.of());
        }
        evaluationsBefore = trace.evaluations();
    }

    @AfterEach
    void nobodyIsLeftSignedInToTheEngine() {
        engine.getIdentityService().clearAuthentication();
    }

    /** The bodies: every encoding Jackson detects, declared charsets, escapes, both markers, nesting. */
    static Map<String, Body> variants() {
        Map<String, Body> bodies = new LinkedHashMap<>();
        for (String encoding : List.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE", "UTF-32")) {
            bodies.put("the reproduction in " + encoding, new Body(encoded(REPRODUCTION, encoding), JSON, 415));
        }
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        bodies.put("UTF-16LE with its byte-order mark", new Body(concat(bom, encoded(REPRODUCTION, "UTF-16LE")), JSON, 415));
        bodies.put("UTF-8 with its byte-order mark", new Body(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                REPRODUCTION.getBytes(StandardCharsets.UTF_8)), JSON, 400));
        bodies.put("UTF-16 declared as charset", new Body(encoded(REPRODUCTION, "UTF-16BE"),
                JSON + "; charset=UTF-16", 415));
        bodies.put("UTF-8 declared as ISO-8859-1", new Body(utf8(REPRODUCTION), JSON + "; charset=ISO-8859-1", 415));
        bodies.put("UTF-8", new Body(utf8(REPRODUCTION), JSON, 400));
        bodies.put("UTF-8, declared", new Body(utf8(REPRODUCTION), JSON + ";charset=\"utf-8\"", 400));
        bodies.put("${ as JSON escapes", new Body(utf8(REPRODUCTION.replace("${", "\\u0024\\u007b")), JSON, 400));
        bodies.put("#{ as JSON escapes", new Body(utf8(REPRODUCTION.replace("${", "\\u0023\\u007B")), JSON, 400));
        bodies.put("#{…}", new Body(utf8(REPRODUCTION.replace("${", "#{")), JSON, 400));
        bodies.put("nested or-queries", new Body(utf8("{\"orQueries\":[{\"orQueries\":[{\"dueBeforeExpression\":\""
                + TRACE + "\"}]}]}"), JSON, 400));
        bodies.put("in the query itself", new Body(utf8("{\"assigneeExpression\":\"" + TRACE + "\"}"), JSON, 400));
        bodies.put("in a field's name", new Body(utf8("{\"" + TRACE + "\":1}"), JSON, 400));
        bodies.put("as application/octet-stream", new Body(encoded(REPRODUCTION, "UTF-16LE"), "application/octet-stream", 415));
        return bodies;
    }

    record Body(byte[] bytes, String contentType, int status) {
    }

    @Test
    void theProbesReproductionAndItsVariantsAreRefusedOnBothPathsAndNothingIsEvaluated() {
        List<String> problems = new ArrayList<>();
        for (String person : List.of("sec-DDG-01", "liaison1")) {
            String filter = filterOf(person);
            List<String> endpoints = List.of("/task?firstResult=0&maxResults=5", "/task/count",
                    "/filter/" + filter + "/list?maxResults=5", "/filter/" + filter + "/count",
                    "/filter/" + filter + "/singleResult");
            WebappSession tasklist = WebappSession.signInToTasklist(http, person);
            variants().forEach((what, body) -> {
                for (String endpoint : endpoints) {
                    check(problems, person + " /engine-rest" + endpoint + " " + what, body.status(),
                            basic(person, "/engine-rest" + endpoint, body));
                    check(problems, person + " Tasklist" + endpoint + " " + what, body.status(),
                            tasklist.post(TASKLIST_ENGINE + endpoint, body.bytes(),
                                    body.contentType() == null ? JSON : body.contentType()));
                }
            });
        }
        assertThat(problems).isEmpty();
        assertThat(trace.evaluations() - evaluationsBefore).as("expressions evaluated").isZero();
    }

    @Test
    void expressionsInTheQueryStringAreRefusedHoweverEncoded() {
        for (String query : List.of("dueBeforeExpression={e}", "assigneeExpression={e}",
                "dueBeforeExpression=%2524%257BexpressionTrace.leave()%257D")) {
            ResponseEntity<JsonNode> refused = http.withBasicAuth("sec-DDG-01", "demo").exchange(
                    "/engine-rest/task?" + query, HttpMethod.GET, null, JsonNode.class, Map.of("e", TRACE));
            assertThat(refused.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(refused.getBody().get("error").asText()).contains("不允许使用表达式");
        }
        assertThat(trace.evaluations() - evaluationsBefore).isZero();
    }

    @Test
    void theEngineItselfRefusesAnExpressionInAnyOrQueryOfAPersonsQuery(CapturedOutput output) {
        signInToTheEngine("sec-DDG-01");
        var tasks = engine.getTaskService();
        assertRefused(() -> tasks.createTaskQuery().or().dueBeforeExpression(TRACE).endOr().list());
        assertRefused(() -> tasks.createTaskQuery().or().dueBeforeExpression(TRACE).endOr().count());
        assertRefused(() -> tasks.createTaskQuery().or().taskAssigneeExpression(TRACE).endOr().listPage(0, 5));
        TaskQueryImpl nested = (TaskQueryImpl) tasks.createTaskQuery();
        TaskQueryImpl or = new TaskQueryImpl();
        TaskQueryImpl orOfOr = new TaskQueryImpl();
        orOfOr.dueBeforeExpression(TRACE);
        or.addOrQuery(orOfOr);
        nested.addOrQuery(or);
        assertRefused(nested::list);

        assertThat(trace.evaluations() - evaluationsBefore).isZero();
        assertThat(output.getAll()).as("a refusal is no system error").doesNotContain("ENGINE-16004");
    }

    @Test
    void theEngineItselfRefusesAnExpressionInAQueryExtendingAStoredFilter() {
        String filter = filterOf("sec-DDG-01");
        signInToTheEngine("sec-DDG-01");
        var filters = engine.getFilterService();
        assertRefused(() -> filters.list(filter, orQueryWithTrace()));
        assertRefused(() -> filters.listPage(filter, orQueryWithTrace(), 0, 5));
        assertRefused(() -> filters.count(filter, orQueryWithTrace()));
        assertRefused(() -> filters.singleResult(filter, orQueryWithTrace()));
        assertThat(trace.evaluations() - evaluationsBefore).isZero();

        // the filter's own expression (${currentUserGroups()}), stored by the identity sync, still works
        assertThat(filters.count(filter, engine.getTaskService().createTaskQuery())).isPositive();
    }

    @Test
    void theApplicationsOwnQueriesAreNotLimitedSoTheCheckIsWhatRefusesThem() {
        engine.getIdentityService().clearAuthentication();
        engine.getTaskService().createTaskQuery().or().dueBeforeExpression(TRACE).endOr().list();
        assertThat(trace.evaluations() - evaluationsBefore).as("evaluated for the application").isEqualTo(1);
    }

    @Test
    void plainQueriesWithOrQueriesStillWorkOnBothPaths() {
        String plain = "{\"orQueries\":[{\"nameLike\":\"%工作方案%\"},{\"taskDefinitionKey\":\"draftWorkPlan\"}]}";
        ResponseEntity<JsonNode> rest = basic("sec-DDG-01", "/engine-rest/task?maxResults=5", new Body(utf8(plain),
                JSON + ";charset=UTF-8", 200));
        assertThat(rest.getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getBody().findValuesAsText("taskDefinitionKey")).contains("draftWorkPlan");
        WebappSession tasklist = WebappSession.signInToTasklist(http, "sec-DDG-01");
        assertThat(tasklist.post(TASKLIST_ENGINE + "/task?maxResults=5", utf8(plain), JSON).getStatusCode().value())
                .isEqualTo(200);
    }

    private void check(List<String> problems, String what, int status, ResponseEntity<JsonNode> response) {
        JsonNode body = response.getBody();
        String message = body == null ? "" : body.path(body.has("error") ? "error" : "message").asText();
        if (response.getStatusCode().value() != status || !message.matches("(?s).*\\p{IsHan}.*")) {
            problems.add(what + ": " + response.getStatusCode().value() + " " + body);
        }
    }

    private ResponseEntity<JsonNode> basic(String person, String path, Body body) {
        HttpHeaders headers = new HttpHeaders();
        if (body.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, body.contentType());
        }
        return http.withBasicAuth(person, "demo").exchange(path, HttpMethod.POST,
                new HttpEntity<>(body.bytes(), headers), JsonNode.class);
    }

    private TaskQuery orQueryWithTrace() {
        return engine.getTaskService().createTaskQuery().or().dueBeforeExpression(TRACE).endOr();
    }

    private String filterOf(String person) {
        String name = person.startsWith("sec-") ? "本支部待办" : "联系支部待办";
        return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
    }

    private void signInToTheEngine(String person) {
        org.orglife.cycle.TestSignIn.as(engine.getIdentityService(), person);
    }

    private static void assertRefused(Runnable query) {
        assertThatThrownBy(query::run).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("不允许使用表达式");
    }

    private static byte[] encoded(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
