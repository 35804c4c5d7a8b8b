package org.orglife.escalation;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.orglife.campaign.StepSchedule;
import org.orglife.identity.AsSystem;
import org.orglife.review.ReviewVariables;
import org.springframework.stereotype.Service;

/**
 * Starts and stops the watch over a dated step: one {@code overdue-escalation} instance per task (its
 * business key is the task id), visible in Cockpit, ended by the step's completion or cancellation.
 */
@Service
public class EscalationWatch {

    public static final String PROCESS_KEY = "overdue-escalation";
    static final String STEP_COMPLETED = "stepCompleted";

    private final RuntimeService runtime;
    private final StepSchedule schedule;

    EscalationWatch(RuntimeService runtime, StepSchedule schedule) {
        this.runtime = runtime;
        this.schedule = schedule;
    }

    public void watch(DelegateTask task, String branchCode, ZonedDateTime due) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("taskId", task.getId());
        variables.put("taskKey", task.getTaskDefinitionKey());
        variables.put("taskName", task.getName());
        variables.put(ReviewVariables.CYCLE_ID, task.getVariable(ReviewVariables.CYCLE_ID));
        variables.put(ReviewVariables.BRANCH_CODE, branchCode);
        variables.put("dueAt", Date.from(due.toInstant()));
        variables.put("level2At", Date.from(schedule.level2At(due).toInstant()));
        AsSystem.run(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, task.getId(), variables));
    }

    public void stop(String taskId) {
        AsSystem.run(() -> runtime.createMessageCorrelation(STEP_COMPLETED).processInstanceBusinessKey(taskId)
                .correlateAllWithResult());
    }
}
