package org.orglife.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives a cycle in tests the way Tasklist does: read a task's form variables, submit them, run due jobs.
 * Public for the browser tests, which bring a cycle in-process to the task they show in Tasklist.
 */
public class CycleDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessEngine engine;
    public final String processInstanceId;

    public CycleDriver(ProcessEngine engine, String processInstanceId) {
        this.engine = engine;
        this.processInstanceId = processInstanceId;
    }

    public static CycleDriver of(ProcessEngine engine, String businessKey) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).singleResult();
        return new CycleDriver(engine, instance.getId());
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
        Object value = engine.getTaskService().getVariableLocal(task(taskKey).getId(), variable);
        try {
            return JSON.readValue(value.toString(), List.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Object variable(String taskKey, String variable) {
        return engine.getTaskService().getVariableLocal(task(taskKey).getId(), variable);
    }

    /** Submits the task's form as Tasklist does (lists as Json variables) and so completes it. */
    public void complete(String taskKey, Map<String, Object> values) {
        engine.getFormService().submitTaskForm(task(taskKey).getId(), json(values));
    }

    static Map<String, Object> json(Map<String, Object> values) {
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

    /** Executes every job of the instance (and those it creates) that is due, like the job executor would. */
    public void runJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list();
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
