package org.orglife.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.engine.EngineContext;
import org.springframework.stereotype.Component;

/**
 * 登记督办（二级）: two working days overdue, recorded once; only the first record of a step still open
 * opens a supervision task. A step done by now needs none, and its escalation ends here.
 */
@Component
class RecordSupervisionDelegate implements JavaDelegate {

    private final EscalationRecords records;
    private final EscalationWatch watch;

    RecordSupervisionDelegate(EscalationRecords records, EscalationWatch watch) {
        this.records = records;
        this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EscalationRecords.Step step = NotifyOverdueDelegate.step(execution);
        boolean first = watch.stepOpen(step.taskId()) && records.escalate(step, 2, EngineContext.now());
        execution.setVariable(EscalationVariables.FIRST_SUPERVISION, first);
    }
}
