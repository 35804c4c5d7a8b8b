package org.orglife.escalation;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepSchedule;
import org.orglife.engine.AsSystem;
import org.orglife.engine.EngineContext;
import org.springframework.stereotype.Service;

/**
 * Escalates an overdue step: records level 1 once (the unique key of {@code escalation} makes a second
 * node's or a second sweep's attempt a no-op) and starts its {@code overdue-escalation} instance
 * (business key = the task id), visible in Cockpit, which notifies, waits two working days and opens
 * the 督办 task. A step done in the meantime is noticed by the escalation itself, in its own jobs: its
 * notice and its 督办 are not sent, and it ends. The step's completion does not touch the escalation:
 * ending it from inside the completion (a message correlated there) raced with the escalation's own
 * jobs and failed the completion or the engine (ENGINE-16004 at start-up, in the demo).
 *
 * <p>A step done on time costs nothing here: no instance, no timer. The {@link OverdueSweep} finds the
 * steps that have become overdue; a step created already overdue is escalated at once.
 */
@Service
public class EscalationWatch {

    public static final String PROCESS_KEY = "overdue-escalation";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final StepSchedule schedule;
    private final EscalationRecords records;

    EscalationWatch(RuntimeService runtime, TaskService tasks, StepSchedule schedule, EscalationRecords records) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.schedule = schedule;
        this.records = records;
    }

    /** True if the step was escalated now, false if it had been before. */
    public boolean escalate(EscalationRecords.Step step) {
        if (!records.escalate(step, 1, EngineContext.now())) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(EscalationVariables.TASK_ID, step.taskId());
        variables.put(EscalationVariables.TASK_KEY, step.taskKey());
        variables.put(EscalationVariables.TASK_NAME, step.taskName());
        variables.put(ReviewVariables.CYCLE_ID, step.cycleId());
        variables.put(ReviewVariables.BRANCH_CODE, step.branchCode());
        variables.put(EscalationVariables.DUE_AT, Date.from(step.dueAt()));
        variables.put(EscalationVariables.LEVEL2_AT, Date.from(schedule.level2At(step.dueAt()).toInstant()));
        AsSystem.run(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, step.taskId(), variables));
        return true;
    }

    /** Whether a step with this due date may have been escalated by now (only those have a watch to stop). */
    public static boolean mayBeEscalated(Date dueDate) {
        return dueDate != null && !dueDate.toInstant().isAfter(EngineContext.now());
    }

    /** Whether the step is still open: not completed, not deleted. */
    public boolean stepOpen(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count() > 0;
    }
}
