package org.orglife.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.orglife.form.SubmissionRejectedException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives a cycle in tests the way Tasklist does: read a task's form variables, submit them, run due jobs.
 * Public for the browser tests, which bring a cycle in-process to the task they show in Tasklist.
 */
public class CycleDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessEngine engine;
    public final String processInstanceId;
    public final String businessKey;

    CycleDriver(ProcessEngine engine, String processInstanceId, String businessKey) {
        this.engine = engine;
        this.processInstanceId = processInstanceId;
        this.businessKey = businessKey;
    }

    public static CycleDriver of(ProcessEngine engine, String businessKey) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).singleResult();
        return new CycleDriver(engine, instance.getId(), businessKey);
    }

    /** Starts the branch's cycle of the year as the township office does; it waits at draftWorkPlan. */
    public static CycleDriver start(ProcessEngine engine, ReviewCycles reviewCycles, String branchCode, int year) {
        reviewCycles.start(branchCode, year, Map.of());
        return of(engine, ReviewVariables.cycleId(year, branchCode));
    }

    /**
     * For focused tests: moves the freshly started cycle from draftWorkPlan to the given activities
     * (process instance modification), so a step can be tested without working every step before it.
     * The cycle's row and process variables are the real ones; earlier steps' records are absent
     * unless the test writes them.
     */
    public CycleDriver jumpTo(String... activityIds) {
        ProcessInstanceModificationBuilder modification = engine.getRuntimeService()
                .createProcessInstanceModification(processInstanceId);
        for (String activityId : activityIds) {
            modification.startBeforeActivity(activityId);
        }
        modification.cancelAllForActivity("draftWorkPlan").execute();
        return this;
    }

    /** Starts the cycle also before these activities, as if it had got there, keeping what is open. */
    public CycleDriver jumpToAlso(String... activityIds) {
        ProcessInstanceModificationBuilder modification = engine.getRuntimeService()
                .createProcessInstanceModification(processInstanceId);
        for (String activityId : activityIds) {
            modification.startBeforeActivity(activityId);
        }
        modification.execute();
        return this;
    }

    public Task task(String taskKey) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        return task;
    }

    /** The task's pre-filled list as plain maps. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String taskKey, String variable) {
        Object value = variable(taskKey, variable);
        try {
            return JSON.readValue(value.toString(), List.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value of the task's form as Tasklist reads it when the form is opened. */
    public Object variable(String taskKey, String variable) {
        return engine.getFormService().getTaskFormVariables(task(taskKey).getId()).get(variable);
    }

    /** Submits the task's form as Tasklist does (lists as Json variables) and so completes it. */
    public void complete(String taskKey, Map<String, Object> values) {
        engine.getFormService().submitTaskForm(task(taskKey).getId(), json(values));
    }

    /**
     * Submits the form, expects the server to refuse it, and checks the task is still open as it was.
     * Returns the refusal, whose message is what Tasklist shows.
     */
    public SubmissionRejectedException refuse(String taskKey, Map<String, Object> values) {
        Task before = task(taskKey);
        Throwable thrown = catchThrowable(() -> complete(taskKey, values));
        assertThat(thrown).as("submission of " + taskKey + " refused").isNotNull();
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof SubmissionRejectedException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("refused by a rule check, not by a technical failure: " + thrown).isNotNull();
        assertThat(task(taskKey).getId()).as("the same task stays open").isEqualTo(before.getId());
        return (SubmissionRejectedException) cause;
    }

    public static Map<String, Object> json(Map<String, Object> values) {
        Map<String, Object> variables = new java.util.HashMap<>();
        values.forEach((key, value) -> {
            try {
                variables.put(key, value instanceof List<?> ? SpinValues.jsonValue(JSON.writeValueAsString(value)).create()
                        : value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return variables;
    }

    /**
     * Executes the due jobs of this cycle and of the processes it started (business keys
     * {@code {cycleId}-…}), and those they create, like the job executor would. Jobs of other tests'
     * cycles sharing the engine are left alone.
     */
    public void runJobs() {
        for (int round = 0; round < 20; round++) {
            Set<String> instances = new HashSet<>();
            instances.add(processInstanceId);
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(businessKey + "-%")
                    .list().forEach(i -> instances.add(i.getId()));
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list().stream()
                    .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    public List<String> openTasks() {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(Task::getTaskDefinitionKey).sorted().toList();
    }
}
