package org.orglife.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.orglife.engine.EngineRestErrors.Target;
import org.orglife.form.SubmissionRejectedException;

/** How the engine REST API's failures reach a user: a status and a Chinese sentence, never a stack trace. */
class EngineRestErrorsTest {

    @Test
    void aConcurrentCompletionIsAConflictWithAClearMessage() {
        Response response = EngineRestErrors.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed"),
                "Cannot submit task form 42: ENGINE-03005"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(message(response)).isEqualTo(EngineRestErrors.CONCURRENT).doesNotContain("ENGINE");
    }

    @Test
    void aConflictReportedByItsTextOnlyIsAConflictToo() {
        // what the job resource answers when the job ran while its due date was being moved
        Response response = EngineRestErrors.toResponse(new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
                Response.Status.INTERNAL_SERVER_ERROR, "ENGINE-03005 Execution of 'UPDATE TimerEntity[7]' failed. "
                        + "Entity was updated by another transaction concurrently."));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(message(response)).isEqualTo(EngineRestErrors.CONCURRENT);
    }

    @Test
    void twoCompletionsRacingForTheSameRecordAreAConflictToo() {
        Response response = EngineRestErrors.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("Exception while invoking TaskListener",
                        new org.springframework.dao.DuplicateKeyException("work_plan")), "Cannot submit task form 42"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(message(response)).isEqualTo(EngineRestErrors.CONCURRENT);
    }

    @Test
    void aRefusedSubmissionIsABadRequestWithItsReasons() {
        Response response = EngineRestErrors.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("Exception while invoking TaskListener",
                        new SubmissionRejectedException(List.of("请填写「会议地点」"))), "Cannot submit task form 42"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(message(response)).isEqualTo("提交未通过校验，未保存：请填写「会议地点」");
        assertThat(body(response)).containsEntry("type", "SubmissionRejectedException");
    }

    @Test
    void missingPermissionsAndUnexpectedFailuresSayNothingAboutInternals() {
        assertThat(EngineRestErrors.toResponse(new AuthorizationException("no READ on Task 42")).getStatus())
                .isEqualTo(403);
        Response failure = EngineRestErrors.toResponse(new ProcessEngineException("java.sql.SQLException: boom"));
        assertThat(failure.getStatus()).isEqualTo(500);
        assertThat(message(failure)).isEqualTo(EngineRestErrors.INTERNAL);
    }

    @Test
    void aPermissionThatWentWithACompletedTaskIsALostRaceNotAMissingPermission() {
        // the loser read the task, then the winner's completion removed the task and its permissions
        AuthorizationException denied = new AuthorizationException("sec-DDG-07", List.of(
                new MissingAuthorization("TASK_WORK", "Task", "42"),
                new MissingAuthorization("TASK_WORK", "ProcessDefinition", "branch-annual-review")));

        Response gone = EngineRestErrors.toResponse(denied, Optional.empty(), target -> target.id().equals("42"));
        assertThat(gone.getStatus()).isEqualTo(404);
        assertThat(message(gone)).isEqualTo(EngineRestErrors.TASK_GONE);

        Response stillThere = EngineRestErrors.toResponse(denied, Optional.empty(), target -> false);
        assertThat(stillThere.getStatus()).isEqualTo(403);
        assertThat(message(stillThere)).isEqualTo(EngineRestErrors.FORBIDDEN);
    }

    @Test
    void whateverFailsOnATaskOrInstanceTheCallerDoesNotSeeIsNotFoundAlike() {
        Optional<Target> task = Target.of("/engine-rest/task/42/deployed-form");
        Optional<Target> instance = Target.of("/camunda/api/engine/engine/default/process-instance/7/variables");
        assertThat(task).contains(new Target(Target.TASK, "42"));
        assertThat(instance).contains(new Target(Target.PROCESS_INSTANCE, "7"));
        assertThat(Target.of("/engine-rest/task/count")).isEmpty();
        assertThat(Target.of("/engine-rest/process-instance/suspended")).isEmpty();

        for (Throwable failure : List.of(new AuthorizationException("no READ on Task 42"), new NullPointerException(),
                new ProcessEngineException("boom"), new BadUserRequestException("Cannot find task with id 42"))) {
            Response unseen = EngineRestErrors.toResponse(failure, task, target -> true);
            assertThat(unseen.getStatus()).as(failure.toString()).isEqualTo(404);
            assertThat(body(unseen)).containsEntry("type", EngineRestErrors.NOT_THERE_TYPE)
                    .containsEntry("message", EngineRestErrors.TASK_GONE);
        }
        assertThat(EngineRestErrors.toResponse(new AuthorizationException("no UPDATE on Task 42"), task, target -> false)
                .getStatus()).as("a task the caller reads but may not change").isEqualTo(403);
    }

    @Test
    void aJavaSerializedObjectAndAFieldLeftOutAreTheCallersMistakes() {
        Response serialized = EngineRestErrors.toResponse(new ProcessEngineException(
                "ENGINE-17007 Cannot set variable with name x. Java serialization format is prohibited"));
        assertThat(serialized.getStatus()).isEqualTo(400);
        assertThat(message(serialized)).isEqualTo(EngineRestErrors.JAVA_OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return (Map<String, Object>) response.getEntity();
    }

    private static String message(Response response) {
        return (String) body(response).get("message");
    }
}
