package org.orglife.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.orglife.review.SubmissionRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * What the engine REST API answers when something goes wrong, in Chinese and never with a stack
 * trace, both at {@code /engine-rest} and at the webapps' own endpoint that Tasklist submits forms to
 * ({@link WebappEngineApi}): a refused form submission (our task listeners'
 * {@link SubmissionRejectedException}, which the engine REST would wrap into a 500) becomes 400 with
 * the reasons; a concurrent completion ({@link OptimisticLockingException}) 409; a task that is gone
 * 404, also when the person's permission on it went with it; no permission 403; bad JSON 400. The
 * body keeps Camunda's shape, {@code {"type": …, "message": …}}, so clients (Tasklist shows
 * {@code message}) read it as before.
 *
 * <p>These mappers take the same exception types as Camunda's own; {@code @Priority(1)} makes Jersey
 * prefer them.
 */
final class EngineRestErrors {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

    static final String CONCURRENT = "该任务刚被他人办理或修改，您的提交未保存，请刷新后查看";
    static final String TASK_GONE = "任务或记录不存在，或已办理完毕（可能刚被他人办理），请刷新后查看";
    static final String FORBIDDEN = "无权进行此操作";
    static final String BAD_JSON = "请求内容不是有效的 JSON，或字段类型不对，未保存";
    /** The engine's code for a write that lost to a concurrent one (OptimisticLockingException). */
    static final String OPTIMISTIC_LOCKING_CODE = "ENGINE-03005";
    static final String INTERNAL = "系统内部错误，未保存；请稍后重试或联系管理员";

    /**
     * Our mappers, to register beside Camunda's in a Jersey application of the engine REST API.
     *
     * @param engine the engine, asked (only when a permission is missing) whether the task is still there
     */
    static List<Object> mappers(Supplier<ProcessEngine> engine) {
        Predicate<String> taskGone = taskId -> isGone(engine.get(), taskId);
        return List.of(new RestExceptions(taskGone), new EngineExceptions(taskGone), new JsonParseExceptions(taskGone),
                new JsonMappingExceptions(taskGone));
    }

    /** The status and Chinese message for an exception thrown inside the engine REST API. */
    static Response toResponse(Throwable thrown) {
        return toResponse(thrown, taskId -> false);
    }

    /**
     * The status and Chinese message for an exception thrown inside the engine REST API.
     *
     * @param taskGone whether a task, looked up whatever the caller may see, is no longer there
     */
    static Response toResponse(Throwable thrown, Predicate<String> taskGone) {
        Throwable cause = thrown;
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SubmissionRejectedException rejected) {
                return body(400, rejected, rejected.getMessage());
            }
            if (isConflict(t)) {
                return body(409, t, CONCURRENT);
            }
            if (t instanceof AuthorizationException denied) {
                // a task's permissions go with the task: completed by someone else between this request
                // reading it and checking them, it is a lost race, not a missing permission
                return deniedTasks(denied).anyMatch(taskGone) ? body(404, t, TASK_GONE) : body(403, t, FORBIDDEN);
            }
            if (t instanceof JsonParseException || t instanceof JsonMappingException) {
                return body(400, t, BAD_JSON);
            }
            if (t instanceof NotFoundException || isMissingTask(t)) {
                return body(404, t, TASK_GONE);
            }
            cause = t;
        }
        if (thrown.getMessage() != null && thrown.getMessage().contains(OPTIMISTIC_LOCKING_CODE)) {
            // some engine REST resources (a job's due date, for one) rethrow a conflict by its text only
            return body(409, thrown, CONCURRENT);
        }
        int status = statusOf(thrown);
        if (status >= 500) {
            log.error("engine REST request failed", thrown);
            return body(status, thrown, INTERNAL);
        }
        return body(status, cause, "请求有误，未执行：" + thrown.getMessage());
    }

    /**
     * Whether the failure, or any of its causes, is a refused submission or a lost race (a conflict, or
     * a task completed by someone else first): answered to the person as 400, 409 or 404, a normal
     * outcome rather than a system error.
     */
    static boolean isRefusalOrLostRace(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SubmissionRejectedException || isConflict(t) || isTaskToCompleteGone(t)) {
                return true;
            }
        }
        return false;
    }

    /** The engine's answer when a task is completed or submitted that is no longer there. */
    private static boolean isTaskToCompleteGone(Throwable t) {
        return t instanceof NullValueException && t.getMessage() != null
                && t.getMessage().startsWith("Cannot find task with id ");
    }

    /** The engine's own conflict, or ours: two completions racing to write the same cycle record. */
    private static boolean isConflict(Throwable t) {
        return t instanceof OptimisticLockingException || t instanceof DuplicateKeyException
                || t instanceof ConcurrencyFailureException;
    }

    private static Stream<String> deniedTasks(AuthorizationException denied) {
        return denied.getMissingAuthorizations().stream()
                .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()))
                .map(MissingAuthorization::getResourceId).filter(Objects::nonNull);
    }

    /** Whether the task is gone (completed or deleted), whatever the signed-in person may see. */
    private static boolean isGone(ProcessEngine engine, String taskId) {
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        return commands.execute(context -> context.getTaskManager().findTaskById(taskId) == null);
    }

    private static boolean isMissingTask(Throwable t) {
        String message = t.getMessage();
        return t instanceof NullValueException && message != null
                && (message.contains("Cannot find") || message.contains("doesn't exist") || message.contains("is null"));
    }

    private static int statusOf(Throwable thrown) {
        if (thrown instanceof RestException rest && rest.getStatus() != null) {
            return rest.getStatus().getStatusCode();
        }
        if (thrown instanceof WebApplicationException web) {
            return web.getResponse().getStatus();
        }
        if (thrown instanceof BadUserRequestException) {
            return 400;
        }
        return 500;
    }

    private static Response body(int status, Throwable type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.getClass().getSimpleName());
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    /** Answers through {@link #toResponse(Throwable, Predicate)}; Jersey reads the type from each subclass. */
    private abstract static class Mapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

        private final Predicate<String> taskGone;

        Mapper(Predicate<String> taskGone) {
            this.taskGone = taskGone;
        }

        @Override
        public boolean isMappable(E exception) {
            return true;
        }

        @Override
        public Response toResponse(E exception) {
            return EngineRestErrors.toResponse(exception, taskGone);
        }
    }

    @Priority(1)
    static final class RestExceptions extends Mapper<RestException> {
        RestExceptions(Predicate<String> taskGone) {
            super(taskGone);
        }
    }

    @Priority(1)
    static final class EngineExceptions extends Mapper<ProcessEngineException> {
        EngineExceptions(Predicate<String> taskGone) {
            super(taskGone);
        }
    }

    @Priority(1)
    static final class JsonParseExceptions extends Mapper<JsonParseException> {
        JsonParseExceptions(Predicate<String> taskGone) {
            super(taskGone);
        }
    }

    @Priority(1)
    static final class JsonMappingExceptions extends Mapper<JsonMappingException> {
        JsonMappingExceptions(Predicate<String> taskGone) {
            super(taskGone);
        }
    }

    private EngineRestErrors() {
    }
}
