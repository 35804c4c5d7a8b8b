package org.orglife.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.orglife.errors.ApiProblem;
import org.orglife.errors.ChineseErrorAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * What the engine REST API answers when something goes wrong, in Chinese and never with a stack
 * trace, both at {@code /engine-rest} and at the webapps' own endpoint that Tasklist submits forms to
 * ({@link WebappEngineApi}): a refused form submission (our task listeners' refusal, an {@link ApiProblem},
 * which the engine REST would wrap into a 500) becomes 400 with the reasons; a concurrent completion ({@link OptimisticLockingException}) 409; a task or instance the
 * caller does not see, because it is missing, gone or another branch's, 404 alike; no permission 403;
 * a refusal of {@link CallerLimits} 403 or 400 with its reason; bad JSON, a Java-serialized object or a
 * field left out 400; anything else 500, logged, without a word about internals. The
 * body keeps Camunda's shape, {@code {"type": …, "message": …}}, so clients (Tasklist shows
 * {@code message}) read it as before.
 *
 * <p>These mappers take the same exception types as Camunda's own; {@code @Priority(1)} makes Jersey
 * prefer them.
 */
public final class EngineRestErrors {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

    static final String CONCURRENT = "该任务刚被他人办理或修改，您的提交未保存，请刷新后查看";
    static final String TASK_GONE = "任务或记录不存在，或已办理完毕（可能刚被他人办理），请刷新后查看";
    static final String FORBIDDEN = "无权进行此操作";
    static final String BAD_JSON = "请求内容不是有效的 JSON，或字段类型不对，未保存";
    static final String JAVA_OBJECT = "不接受 Java 序列化的对象，请以文字、数字、日期或 JSON 提交，未保存";
    static final String INCOMPLETE = "请求缺少必填的内容，未执行";
    /** The engine's code for a write that lost to a concurrent one (OptimisticLockingException). */
    static final String OPTIMISTIC_LOCKING_CODE = "ENGINE-03005";
    /** The engine's code for a variable in Java's serialization format, which it does not accept. */
    static final String JAVA_SERIALIZATION_CODE = "ENGINE-17007";
    /** The engine's words for a query asked for its single result that has several. */
    private static final Pattern SINGLE_RESULT_OF_MANY = Pattern.compile("^Query return \\d+ results instead of max 1");
    /** The engine's words for a batch (variables, messages) over a query that finds no instance. */
    private static final String NO_INSTANCES = "No process instances found";
    /** The engine's words for a message sent to an execution that waits for no such message. */
    private static final String NO_SUBSCRIPTION = "does not have a subscription to a message event";
    /** The engine's words for a task or execution a command was given by id and did not find. */
    private static final Pattern NAMED_AND_MISSING = Pattern.compile(
            "^((task|execution) \\S+ doesn't exist|No task (exists with|found for) taskId|"
                    + "No processInstance exists with|Task '[^']*' not found|Cannot find (task|execution|process instance))");
    static final String INTERNAL = "系统内部错误，未保存；请稍后重试或联系管理员";
    /** One answer for whatever is not there for the caller: missing, gone, or another's. */
    static final String NOT_THERE_TYPE = "NotFoundException";

    /** What a request names in its path: a task, a process instance or an execution, by id. */
    record Target(String kind, String id) {

        static final String TASK = "task";
        static final String PROCESS_INSTANCE = "process-instance";
        static final String EXECUTION = "execution";

        /** Names of the two resources' collection operations, which are no ids. */
        private static final Set<String> NOT_IDS = Set.of("count", "create", "report", "delete",
                "delete-historic-query-based", "job-retries", "job-retries-historic-query-based", "suspended",
                "suspended-async", "variables-async", "message-async");
        private static final Pattern IN_PATH = Pattern
                .compile("/(task|process-instance|execution)/([^/]+)(?:/.*)?$");

        /** The task or instance the path of an engine REST request names, if any. */
        static Optional<Target> of(String path) {
            if (path == null) {
                return Optional.empty();
            }
            Matcher m = IN_PATH.matcher(path);
            if (!m.find() || NOT_IDS.contains(m.group(2))) {
                return Optional.empty();
            }
            return Optional.of(new Target(m.group(1), m.group(2)));
        }
    }

    /**
     * Our mappers, to register beside Camunda's in a Jersey application of the engine REST API.
     *
     * @param engine the engine, asked (only when a request fails) whether the caller sees what it names
     */
    public static List<Object> mappers(Supplier<ProcessEngine> engine) {
        Predicate<Target> unseen = target -> isUnseen(engine.get(), target);
        return List.of(new RestExceptions(unseen), new EngineExceptions(unseen), new JsonParseExceptions(unseen),
                new JsonMappingExceptions(unseen), new OtherFailures(unseen));
    }

    /** The status and Chinese message for an exception thrown inside the engine REST API. */
    static Response toResponse(Throwable thrown) {
        return toResponse(thrown, Optional.empty(), target -> false);
    }

    /**
     * The status and Chinese message for an exception thrown inside the engine REST API. A request
     * naming a task or instance the caller does not see (missing, gone or another's) is answered alike,
     * 404, whatever failed: "not yours" looks like "not there".
     *
     * @param target what the request's path names
     * @param unseen whether the caller, as signed in, does not see a task or instance
     */
    static Response toResponse(Throwable thrown, Optional<Target> target, Predicate<Target> unseen) {
        if (target.isPresent() && unseen.test(target.get())) {
            return notThere();
        }
        Throwable cause = thrown;
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiProblem refused) {
                // a refused form (SubmissionRejectedException) or another refusal of ours inside a command
                return body(refused.status(), refused, refused.getMessage());
            }
            if (t instanceof CallerLimits.RefusedOperation refused) {
                return body(403, "AuthorizationException", refused.getMessage());
            }
            if (t instanceof CallerLimits.RefusedQuery refused) {
                return body(400, "BadUserRequestException", refused.getMessage());
            }
            if (isConflict(t)) {
                return body(409, t, CONCURRENT);
            }
            if (t instanceof TaskAlreadyClaimedException taken) {
                return body(409, t, "该任务已由 " + taken.getTaskAssignee() + " 认领，不能再认领；请其取消认领后再试");
            }
            if (t instanceof AuthorizationException denied) {
                // a task's permissions go with the task: completed by someone else between this request
                // reading it and checking them, it is a lost race, not a missing permission
                return deniedTasks(denied).map(id -> new Target(Target.TASK, id)).anyMatch(unseen) ? notThere()
                        : body(403, t, FORBIDDEN);
            }
            if (t instanceof JsonParseException || t instanceof JsonMappingException) {
                return body(400, t, BAD_JSON);
            }
            if (t instanceof NotFoundException || isMissingTask(t) || (t.getMessage() != null
                    && t.getMessage().contains(NO_SUBSCRIPTION))) {
                return notThere();
            }
            if (t.getMessage() != null && t.getMessage().contains(JAVA_SERIALIZATION_CODE)) {
                return body(400, t, JAVA_OBJECT);
            }
            if (isMissingInput(t)) {
                return body(400, t, INCOMPLETE);
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
        if (thrown instanceof WebApplicationException) {
            // Jersey's own answers: no such address, method or media type
            return body(status, thrown, ChineseErrorAttributes.messageFor(status));
        }
        return body(status, cause, "请求有误，未执行：" + thrown.getMessage());
    }

    private static Response notThere() {
        return body(404, NOT_THERE_TYPE, TASK_GONE);
    }

    /**
     * A field the request left out, which Camunda's REST resources and commands read without checking
     * and fail on: a NullPointerException first thrown in Camunda's code (or the JDK under it) is the
     * caller's mistake, not the server's. One first thrown in OrgLife's code is our bug and stays 500.
     */
    static boolean isMissingInput(Throwable t) {
        if (!(t instanceof NullPointerException)) {
            return false;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("org.orglife.")) {
                return false;
            }
            if (frame.getClassName().startsWith("org.camunda.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure, or any of its causes, is a refused submission, a Java-serialized object sent
     * as a variable, or a lost race (a conflict, or a task completed by someone else first or never
     * there): answered to the person as 400, 409 or 404, a normal outcome rather than a system error.
     */
    static boolean isRefusalOrLostRace(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiProblem || isConflict(t) || isTaskToCompleteGone(t) || isMissingInput(t)
                    || (t.getMessage() != null && t.getMessage().contains(JAVA_SERIALIZATION_CODE))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a signed-in person's request got wrong, as the engine words it: a value or a thing it named
     * that is not there ({@link NullValueException}, the engine's check of what a command is given), a
     * message to an execution that waits for none, a batch over no instances, the single result of a
     * query that has several. Answered 4xx; the engine
     * would log each at ERROR with a stack trace, so anyone could fill the log ({@link RefusalLogging}).
     */
    static boolean isRequestMistake(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof NullValueException || message.contains(NO_SUBSCRIPTION)
                    || message.startsWith(NO_INSTANCES) || SINGLE_RESULT_OF_MANY.matcher(message).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The engine's answer when a task or execution named by the caller is not there: completed,
     * submitted or its variables read after it went, or never there.
     */
    private static boolean isTaskToCompleteGone(Throwable t) {
        return t instanceof NullValueException && t.getMessage() != null
                && NAMED_AND_MISSING.matcher(t.getMessage()).find();
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

    /**
     * Whether the caller does not see the task or instance: their engine authentication is still set
     * while the REST request is answered, so the engine's query holds only what they may read.
     */
    private static boolean isUnseen(ProcessEngine engine, Target target) {
        if (Target.TASK.equals(target.kind())) {
            return engine.getTaskService().createTaskQuery().taskId(target.id()).count() == 0;
        }
        if (Target.EXECUTION.equals(target.kind())) {
            return engine.getRuntimeService().createExecutionQuery().executionId(target.id()).count() == 0;
        }
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(target.id()).count() == 0;
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
        return body(status, type.getClass().getSimpleName(), message);
    }

    private static Response body(int status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    /** Answers through {@link #toResponse(Throwable, Predicate)}; Jersey reads the type from each subclass. */
    private abstract static class Mapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

        private final Predicate<Target> unseen;

        Mapper(Predicate<Target> unseen) {
            this.unseen = unseen;
        }

        @Override
        public boolean isMappable(E exception) {
            return true;
        }

        @Override
        public Response toResponse(E exception) {
            return EngineRestErrors.toResponse(exception, Target.of(requestPath()), unseen);
        }
    }

    @Priority(1)
    static final class RestExceptions extends Mapper<RestException> {
        RestExceptions(Predicate<Target> unseen) {
            super(unseen);
        }
    }

    @Priority(1)
    static final class EngineExceptions extends Mapper<ProcessEngineException> {
        EngineExceptions(Predicate<Target> unseen) {
            super(unseen);
        }
    }

    @Priority(1)
    static final class JsonParseExceptions extends Mapper<JsonParseException> {
        JsonParseExceptions(Predicate<Target> unseen) {
            super(unseen);
        }
    }

    @Priority(1)
    static final class JsonMappingExceptions extends Mapper<JsonMappingException> {
        JsonMappingExceptions(Predicate<Target> unseen) {
            super(unseen);
        }
    }

    /** Anything else: never Camunda's English text with the exception's class and message. */
    @Priority(1)
    static final class OtherFailures extends Mapper<Throwable> {
        OtherFailures(Predicate<Target> unseen) {
            super(unseen);
        }
    }

    /** The path of the request being answered, as the servlet container resolved it. */
    private static String requestPath() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return QueryExpressionFilter.path(attributes.getRequest());
        }
        return null;
    }

    private EngineRestErrors() {
    }
}
