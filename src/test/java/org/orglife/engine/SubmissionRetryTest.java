package org.orglife.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A submission that loses a race to background work is tried again and wins; the person sees only the
 * outcome. The race is made real: as the engine completes the task, another transaction changes the same
 * process instance's row first (what a job of the instance does), so the engine's write fails on the
 * row's revision, as it would in the race.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(SubmissionRetryTest.RacingBackgroundWork.class)
class SubmissionRetryTest {

    @Autowired TestRestTemplate http;
    @Autowired ReviewCycles reviewCycles;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void quiet() {
        RacingBackgroundWork.RACES.set(0);
    }

    @Test
    void aSubmissionThatLosesToBackgroundWorkIsTriedAgainAndWins() {
        String plan = openPlan("DDG-08");
        RacingBackgroundWork.RACES.set(2);

        ResponseEntity<JsonNode> answer = submitPlan("sec-DDG-08", plan);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(RacingBackgroundWork.RACES.get()).as("lost twice, then won").isZero();
        assertThat(openSteps("DDG-08")).containsExactly("reviewWorkPlan");
        assertThat(jdbc.sql("select count(*) from work_plan where cycle_id = '2049-DDG-08'").query(Integer.class)
                .single()).as("written once").isEqualTo(1);
    }

    @Test
    void aSubmissionThatKeepsLosingIsAConflictInChineseAndWritesNothing() {
        String plan = openPlan("DDG-09");
        RacingBackgroundWork.RACES.set(SubmissionRetry.RETRIES + 1);

        ResponseEntity<JsonNode> answer = submitPlan("sec-DDG-09", plan);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().path("message").asText()).isEqualTo(EngineRestErrors.CONCURRENT);
        assertThat(openSteps("DDG-09")).containsExactly("draftWorkPlan");
        assertThat(jdbc.sql("select count(*) from work_plan where cycle_id = '2049-DDG-09'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aSubmissionThatLosesToAnotherPersonsIsNotTriedAgain() {
        String plan = openPlan("DDG-10");
        // the task is gone when the submission arrives: someone else completed it
        engine.getFormService().submitTaskForm(plan, Map.of("committeeMeetingOn", "2049-12-01",
                "membersMeetingOn", "2049-12-02", "venue", "会议室", "studyTopics", "学习党章", "membersMeetingForm", "WHOLE"));

        ResponseEntity<JsonNode> answer = submitPlan("sec-DDG-10", plan);

        assertThat(answer.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.FORBIDDEN);
        assertThat(answer.getBody().path("message").asText()).containsPattern("\\p{IsHan}");
    }

    String openPlan(String branch) {
        reviewCycles.start(branch, 2049, Map.of());
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2049-" + branch)
                .taskDefinitionKey("draftWorkPlan").singleResult().getId();
    }

    List<String> openSteps(String branch) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2049-" + branch).list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    ResponseEntity<JsonNode> submitPlan(String secretary, String taskId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = """
                {"variables":{"committeeMeetingOn":{"value":"2049-12-01"},"membersMeetingOn":{"value":"2049-12-02"},
                 "venue":{"value":"党员活动室"},"studyTopics":{"value":"学习党章"},"membersMeetingForm":{"value":"WHOLE"}}}""";
        return http.withBasicAuth(secretary, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    /**
     * Background work racing the next {@link #RACES} completions of a step: before the engine writes the
     * completion, another transaction bumps the revision of the instance's row, as a job of the instance
     * committing first would.
     */
    @TestConfiguration
    static class RacingBackgroundWork {

        static final AtomicInteger RACES = new AtomicInteger();

        @Bean
        AbstractProcessEnginePlugin racingBackgroundWorkPlugin(DataSource dataSource) {
            TaskListener race = (DelegateTask task) -> {
                if (RACES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    try (Connection other = dataSource.getConnection();
                            PreparedStatement bump = other.prepareStatement(
                                    "update act_ru_execution set rev_ = rev_ + 1 where id_ = ?")) {
                        other.setAutoCommit(true);
                        bump.setString(1, task.getProcessInstanceId());
                        bump.executeUpdate();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            return new AbstractProcessEnginePlugin() {
                @Override
                public void preInit(ProcessEngineConfigurationImpl configuration) {
                    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners =
                            configuration.getCustomPreBPMNParseListeners() == null ? new java.util.ArrayList<>()
                                    : new java.util.ArrayList<>(configuration.getCustomPreBPMNParseListeners());
                    listeners.add(new AbstractBpmnParseListener() {
                        @Override
                        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                                    .addTaskListener(TaskListener.EVENTNAME_COMPLETE, race);
                        }
                    });
                    configuration.setCustomPreBPMNParseListeners(listeners);
                }
            };
        }
    }
}
