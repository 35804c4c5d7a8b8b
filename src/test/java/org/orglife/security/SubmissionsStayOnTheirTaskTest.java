package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A cycle's process variables (which branch and year it is, who comments as liaison, the deadlines,
 * the decisions) are written by the steps, never by the people working them: whatever a secretary
 * sends with a form stays on that form's task, and the engine REST API refuses them every other way
 * of writing the instance's variables or changing the task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SubmissionsStayOnTheirTaskTest {

    static final int YEAR = 2054;

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired ReviewCycleRepository cycles;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void twoCycles() {
        ProcessEngines.registerProcessEngine(engine);
        for (String code : new String[] {"DDG-01", "DDG-02"}) {
            if (cycles.find(YEAR + "-" + code).isEmpty()) {
                reviewCycles.start(code, YEAR, Map.of());
            }
        }
    }

    @Test
    void aSecretaryCannotRewriteTheCycleOrItsTask() {
        Task plan = task("DDG-01", "draftWorkPlan");
        String path = "/engine-rest/task/" + plan.getId();
        Map<String, Object> before = processVariables(plan);

        assertThat(send("sec-DDG-01", HttpMethod.PUT, path + "/variables/branchCode", """
                {"value":"DDG-02","type":"String"}""").getStatusCode().value()).isEqualTo(403);
        assertThat(send("sec-DDG-01", HttpMethod.POST, path + "/variables", """
                {"modifications":{"cycleId":{"value":"%d-DDG-02","type":"String"}}}""".formatted(YEAR))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(send("sec-DDG-01", HttpMethod.PUT, path, """
                {"name":"编制工作方案","due":"2099-01-01T00:00:00.000+0800"}""").getStatusCode().value())
                .as("the due date is the township's").isEqualTo(403);
        ResponseEntity<String> complete = send("sec-DDG-01", HttpMethod.POST, path + "/complete", """
                {"variables":{"liaisonUsers":{"value":"sec-DDG-01","type":"String"}}}""");
        assertThat(complete.getStatusCode().value()).isEqualTo(400);
        assertThat(complete.getBody()).contains("表单");

        assertThat(processVariables(plan)).isEqualTo(before);
        assertThat(task("DDG-01", "draftWorkPlan").getDueDate()).isEqualTo(plan.getDueDate());
    }

    @Test
    void whatASubmissionCarriesBesidesItsFormStaysOnItsTask() {
        Task plan = task("DDG-02", "draftWorkPlan");
        Map<String, Object> before = processVariables(plan);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("committeeMeetingOn", variable(YEAR + 1 + "-02-10"));
        form.put("membersMeetingOn", variable(YEAR + 1 + "-02-12"));
        form.put("venue", variable("党员活动室"));
        form.put("studyTopics", variable("学习党章"));
        form.put("membersMeetingForm", variable("WHOLE"));
        form.put("cycleId", variable(YEAR + "-DDG-01"));
        form.put("branchCode", variable("DDG-01"));
        form.put("liaisonUsers", variable("sec-DDG-02"));
        form.put("planApproved", Map.of("value", true, "type", "Boolean"));

        ResponseEntity<String> submitted = send("sec-DDG-02", HttpMethod.POST, "/engine-rest/task/" + plan.getId() + "/submit-form",
                json(Map.of("variables", form)));

        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
        assertThat(processVariables(plan)).isEqualTo(before);
        assertThat(venue(YEAR + "-DDG-02")).isEqualTo("党员活动室");
        assertThat(venue(YEAR + "-DDG-01")).as("the other branch's cycle is untouched").isNull();
        assertThat(task("DDG-02", "reviewWorkPlan")).as("the plan goes to the township for review").isNotNull();
    }

    @Test
    void aFormIsServedAsACamundaFormAndOpensWithValuesNotStoredOnItsTask() {
        Task plan = task("DDG-01", "draftWorkPlan");
        String path = "/engine-rest/task/" + plan.getId();

        ResponseEntity<String> form = send("sec-DDG-01", HttpMethod.GET, path + "/form", null);
        assertThat(form.getStatusCode().value()).isEqualTo(200);
        assertThat(form.getBody()).as("a Camunda Form, not a generated one")
                .contains("\"camundaFormRef\":{\"key\":\"draftWorkPlan\"").doesNotContain("rendered-form");

        ResponseEntity<String> values = send("sec-DDG-01", HttpMethod.GET, path + "/form-variables?deserializeValues=false",
                null);
        assertThat(values.getStatusCode().value()).isEqualTo(200);
        assertThat(values.getBody()).contains("\"membersMeetingForm\":{\"type\":\"String\",\"value\":\"WHOLE\"",
                "\"cycleTitle\":{\"type\":\"String\",\"value\":\"" + YEAR + "年度 · ");
        assertThat(engine.getTaskService().getVariablesLocal(plan.getId())).as("stored on the task").isEmpty();
    }

    private String venue(String cycleId) {
        return jdbc.sql("select venue from work_plan where cycle_id = ?").param(cycleId).query(String.class)
                .optional().orElse(null);
    }

    private Map<String, Object> processVariables(Task task) {
        return engine.getRuntimeService().getVariables(task.getProcessInstanceId());
    }

    private Task task(String branch, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-" + branch)
                .taskDefinitionKey(key).singleResult();
    }

    private static Map<String, Object> variable(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
