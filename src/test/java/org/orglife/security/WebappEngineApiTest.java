package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The webapps' own engine REST API, which Tasklist talks to instead of {@code /engine-rest}: a person
 * signed in there gets the same status and Chinese message, with no English around it, a refusal
 * leaves no error in the log, and task queries carrying expressions are refused as at {@code /engine-rest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class WebappEngineApiTest {

    static final int YEAR = 2056;
    static final String BRANCH = "DDG-07";
    static final String TASKLIST_ENGINE = "/camunda/api/engine/engine/default";
    static final String PLAN_WITHOUT_VENUE = """
            {"variables":{"committeeMeetingOn":{"value":"2056-12-01"},"membersMeetingOn":{"value":"2056-12-02"},
            "studyTopics":{"value":"学习党章"},"membersMeetingForm":{"value":"WHOLE"}}}""";

    static final String OR_QUERY_EXPRESSION = """
            {"orQueries":[{"nameLike":"#{execution.getProcessEngineServices()}"}]}""";

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void webappsTalkToThisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
        if (openPlan() == null) {
            reviewCycles.start(BRANCH, YEAR, Map.of());
        }
    }

    @Test
    void aRefusedFormGetsOnlyItsChineseReasonsAndNoErrorIsLogged(CapturedOutput output) {
        Task plan = openPlan();
        WebappSession secretary = WebappSession.signInToTasklist(http, "sec-" + BRANCH);

        ResponseEntity<JsonNode> answer = secretary.post(submitForm(plan.getId()), PLAN_WITHOUT_VENUE);

        assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.getBody().get("message").asText()).isEqualTo("提交未通过校验，未保存：请填写「会议地点」");
        assertThat(answer.getBody().get("type").asText()).isEqualTo("SubmissionRejectedException");
        assertThat(openPlan().getId()).as("the task stays open").isEqualTo(plan.getId());
        assertThat(jdbc.sql("select count(*) from work_plan where cycle_id = ?").param(YEAR + "-" + BRANCH)
                .query(Integer.class).single()).as("nothing written").isZero();
        assertThat(output.getAll()).as("a refusal is no system error")
                .doesNotContain("ENGINE-16004", "Exception while closing command context", "ENGINE-REST-HTTP500",
                        "SubmissionRejectedException");
    }

    @Test
    void anotherBranchsTaskIsAnsweredExactlyAsATaskThatIsNotThere(CapturedOutput output) {
        WebappSession secretary = WebappSession.signInToTasklist(http, "sec-" + BRANCH);
        ResponseEntity<JsonNode> gone = secretary.post(submitForm("no-such-task"), PLAN_WITHOUT_VENUE);
        assertThat(gone.getStatusCode().value()).isEqualTo(404);
        assertThat(gone.getBody().get("message").asText()).startsWith("任务或记录不存在");
        assertThat(output.getAll()).as("a task already gone is no system error").doesNotContain("ENGINE-16004");

        // "not yours" looks like "not there": status and body alike, so a known id cannot be confirmed
        WebappSession other = WebappSession.signInToTasklist(http, "sec-DDG-01");
        ResponseEntity<JsonNode> foreign = other.post(submitForm(openPlan().getId()), PLAN_WITHOUT_VENUE);
        ResponseEntity<JsonNode> missing = other.post(submitForm("no-such-task"), PLAN_WITHOUT_VENUE);
        assertThat(foreign.getStatusCode()).isEqualTo(missing.getStatusCode());
        assertThat(foreign.getBody()).isEqualTo(missing.getBody());
        assertThat(openPlan()).as("still open").isNotNull();
    }

    @Test
    void taskQueriesCarryingExpressionsAreRefusedWhileTasklistsOwnQueriesWork() {
        WebappSession secretary = WebappSession.signInToTasklist(http, "sec-" + BRANCH);
        ResponseEntity<JsonNode> inQueryString = secretary.get(TASKLIST_ENGINE + "/task?assigneeExpression={e}",
                "${currentUser()}");
        assertThat(inQueryString.getStatusCode().value()).isEqualTo(400);
        assertThat(inQueryString.getBody().get("error").asText()).contains("不允许使用表达式");
        ResponseEntity<JsonNode> inBody = secretary.post(TASKLIST_ENGINE + "/task?maxResults=10", OR_QUERY_EXPRESSION);
        assertThat(inBody.getStatusCode().value()).isEqualTo(400);
        // a path spelled with escapes (%74 is t) is checked as the path it stands for
        ResponseEntity<JsonNode> escaped = secretary.post(
                URI.create(http.getRootUri() + TASKLIST_ENGINE + "/%74ask?maxResults=10"), OR_QUERY_EXPRESSION);
        assertThat(escaped.getStatusCode().value()).isEqualTo(400);
        assertThat(escaped.getBody().get("error").asText()).contains("不允许使用表达式");

        // 本支部待办 is stored with ${currentUserGroups()}; Tasklist lists it with a body of its own
        String filter = secretary.get(TASKLIST_ENGINE + "/filter?resourceType=Task&name={n}&maxResults=1", "本支部待办")
                .getBody().get(0).get("id").asText();
        String list = TASKLIST_ENGINE + "/filter/" + filter + "/list?firstResult=0&maxResults=15";
        ResponseEntity<JsonNode> tasks = secretary.post(list, """
                {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],
                "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""");
        assertThat(tasks.getStatusCode().value()).isEqualTo(200);
        assertThat(tasks.getBody().findValuesAsText("taskDefinitionKey")).contains("draftWorkPlan");
        assertThat(secretary.post(list, "{\"assigneeExpression\":\"\\u0024{currentUser()}\"}").getStatusCode().value())
                .isEqualTo(400);
    }

    private Task openPlan() {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-" + BRANCH)
                .taskDefinitionKey("draftWorkPlan").singleResult();
    }

    private static String submitForm(String taskId) {
        return TASKLIST_ENGINE + "/task/" + taskId + "/submit-form";
    }
}
