package org.orglife.escalation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.cycle.ReviewVariables;
import org.springframework.stereotype.Component;

/** 逾期提醒（一级）: the escalation's step, from its variables, to {@link OverdueNotices}. */
@Component
class NotifyOverdueDelegate implements JavaDelegate {

    private final OverdueNotices notices;

    NotifyOverdueDelegate(OverdueNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.notifyOverdue(step(execution));
    }

    /** The overdue step an escalation instance is about, from the variables it was started with. */
    static EscalationRecords.Step step(DelegateExecution execution) {
        return new EscalationRecords.Step((String) execution.getVariable(EscalationVariables.TASK_ID),
                (String) execution.getVariable(ReviewVariables.CYCLE_ID),
                (String) execution.getVariable(ReviewVariables.BRANCH_CODE),
                (String) execution.getVariable(EscalationVariables.TASK_KEY),
                (String) execution.getVariable(EscalationVariables.TASK_NAME),
                ((Date) execution.getVariable(EscalationVariables.DUE_AT)).toInstant());
    }
}
