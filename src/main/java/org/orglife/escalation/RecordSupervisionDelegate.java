package org.orglife.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.engine.EngineContext;
import org.springframework.stereotype.Component;

/** 登记督办（二级）: two working days overdue, recorded once; only the first record opens a supervision task. */
@Component
class RecordSupervisionDelegate implements JavaDelegate {

    private final EscalationRecords records;

    RecordSupervisionDelegate(EscalationRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean first = records.escalate(NotifyOverdueDelegate.step(execution), 2, EngineContext.now());
        execution.setVariable(EscalationVariables.FIRST_SUPERVISION, first);
    }
}
