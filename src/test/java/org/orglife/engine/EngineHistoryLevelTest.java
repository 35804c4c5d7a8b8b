package org.orglife.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycles;
import org.orglife.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the history level {@value EngineHistoryLevel#NAME} keeps of a cycle's first steps, worked as
 * the secretary and the township office sign in: the steps and the service tasks, the audit trail's
 * record of who filed them, which node ran each job, and operators' actions; not the passes through
 * gateways and plain events, the engine's own log of the steps' completion, or the log of jobs created.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class EngineHistoryLevelTest {

    static final int YEAR = 2016;

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void aCycleKeepsItsStepsAndWhoFiledThemButNotItsPasses() {
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-03", YEAR);
        cycle.runJobs();
        String next = (YEAR + 1) + "-02-";
        signIn("sec-DDG-03", Groups.BRANCH_SECRETARIES, "branch-DDG-03");
        cycle.complete("draftWorkPlan", Map.of("committeeMeetingOn", next + "18", "membersMeetingOn", next + "20",
                "venue", "村党员活动室", "studyTopics", "学习党的二十大精神", "membersMeetingForm", "WHOLE"));
        signIn("office", Groups.TOWNSHIP_OFFICE);
        cycle.complete("reviewWorkPlan", Map.of("planDecision", "APPROVE"));
        String study = cycle.task("organizeStudy").getId();
        signIn("admin", Groups.ADMINS);
        // the step is the secretary's from the start: an operator hands it to the deputy and back
        engine.getTaskService().setAssignee(study, "office");
        engine.getTaskService().setAssignee(study, "sec-DDG-03");
        engine.getIdentityService().clearAuthentication();
        // and an asynchronous step of rating, run as the job executor would
        engine.getRuntimeService().createProcessInstanceModification(cycle.processInstanceId)
                .startBeforeActivity("serviceTask_forwardFloatingOpinions").execute();
        cycle.runJobs();

        HistoryService history = engine.getHistoryService();
        List<HistoricActivityInstance> passed = history.createHistoricActivityInstanceQuery()
                .processInstanceId(cycle.processInstanceId).list();
        assertThat(passed).extracting(HistoricActivityInstance::getActivityId)
                .contains("draftWorkPlan", "reviewWorkPlan", "organizeStudy")
                .doesNotContain("serviceTask_openCycle", "serviceTask_forwardFloatingOpinions");
        assertThat(passed).extracting(HistoricActivityInstance::getActivityType)
                .as("gateways, start events and service tasks leave no row").doesNotContain("exclusiveGateway",
                        "parallelGateway", "startEvent", "serviceTask")
                .allMatch(type -> !EngineHistoryLevel.UNRECORDED.contains(type));
        assertThat(history.createHistoricJobLogQuery().processInstanceId(cycle.processInstanceId)
                .activityIdIn("serviceTask_forwardFloatingOpinions").successLog().singleResult().getHostname())
                .as("an asynchronous service task's run is in the job log, with the node that ran it").isNotBlank();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(cycle.processInstanceId)
                .singleResult().getStartActivityId()).as("the instance still says where it started")
                .isEqualTo("startEvent_cycleStarted");

        assertThat(history.createUserOperationLogQuery().processInstanceId(cycle.processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count())
                .as("who completed a step is in the audit trail, not the engine's log").isZero();
        assertThat(jdbc.sql("select actor from audit_event where cycle_id = ? order by id").param(cycle.businessKey)
                .query(String.class).list()).containsSubsequence("sec-DDG-03", "office");
        assertThat(history.createUserOperationLogQuery().taskId(study)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).list())
                .as("an operator's actions are logged").hasSize(2)
                .allSatisfy(entry -> assertThat(entry.getUserId()).isEqualTo("admin"));

        assertThat(history.createHistoricJobLogQuery().processInstanceId(cycle.processInstanceId).creationLog().count())
                .as("jobs created leave no log").isZero();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(cycle.processInstanceId).successLog().list())
                .as("which node ran each job is kept").isNotEmpty()
                .allSatisfy(run -> assertThat(run.getHostname()).isNotBlank());
        assertThat(new EngineHistoryLevel().isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, null))
                .as("a failure is logged").isTrue();
    }

    private void signIn(String user, String... groups) {
        engine.getIdentityService().setAuthentication(user, List.of(groups), List.of("DDG"));
    }
}
