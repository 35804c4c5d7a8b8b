package org.orglife.escalation;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepSchedule;
import org.orglife.engine.AsSystem;
import org.orglife.engine.EngineContext;
import org.springframework.stereotype.Service;

/**
 * Escalates an overdue step: records level 1 once (the unique key of {@code escalation} makes a second
 * node's or a second sweep's attempt a no-op) and starts its {@code overdue-escalation} instance
 * (business key = the task id), visible in Cockpit, which notifies, waits two working days and opens
 * the 督办 task; the step's completion ends it.
 *
 * <p>A step done on time costs nothing here: no instance, no timer. The {@link OverdueSweep} finds the
 * steps that have become overdue; a step created already overdue is escalated at once.
 */
@Service
public class EscalationWatch {

    public static final String PROCESS_KEY = "overdue-escalation";
    static final String STEP_COMPLETED = "stepCompleted";

    private final RuntimeService runtime;
    private final StepSchedule schedule;
    private final EscalationRecords records;

    EscalationWatch(RuntimeService runtime, StepSchedule schedule, EscalationRecords records) {
        this.runtime = runtime;
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

    /**
     * Ends the step's escalation, if it has one: it was done or cancelled. An escalation past its watch
     * (level 2 reached) has nothing to end. When a job of the escalation moves it past the watch at the
     * very moment the step is done, the correlation can find the watch and then not find it again (the
     * job committed between its two reads) and fails; that is the same "nothing to end", and the step's
     * completion goes through instead of failing with it.
     */
    public void stop(String taskId) {
        AsSystem.run(() -> {
            try {
                runtime.createMessageCorrelation(STEP_COMPLETED).processInstanceBusinessKey(taskId)
                        .correlateAllWithResult();
            } catch (OptimisticLockingException e) {
                throw e;
            } catch (ProcessEngineException e) {
                if (watching(taskId)) {
                    throw e;
                }
            }
        });
    }

    private boolean watching(String taskId) {
        return runtime.createExecutionQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(taskId)
                .messageEventSubscriptionName(STEP_COMPLETED).count() > 0;
    }
}
