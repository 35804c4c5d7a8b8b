package org.orglife.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.engine.EngineContext;
import org.springframework.stereotype.Component;

/**
 * 转入支部督办（二级）: two working days overdue, recorded once; a step still open goes to its branch's one
 * 督办 ({@link BranchSupervisions}), which opens if the branch has none open. A step done by now needs
 * none, and its escalation ends here.
 */
@Component
class RecordSupervisionDelegate implements JavaDelegate {

    private final EscalationRecords records;
    private final EscalationWatch watch;
    private final BranchSupervisions supervisions;

    RecordSupervisionDelegate(EscalationRecords records, EscalationWatch watch, BranchSupervisions supervisions) {
        this.records = records;
        this.watch = watch;
        this.supervisions = supervisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EscalationRecords.Step step = NotifyOverdueDelegate.step(execution);
        if (watch.stepOpen(step.taskId()) && records.escalate(step, 2, EngineContext.now())) {
            supervisions.take(step.branchCode(), step.taskId(), EngineContext.now());
        }
        // the previous release's model asks here whether to open a 督办 of the step's own: never now
        execution.setVariable(EscalationVariables.FIRST_SUPERVISION, false);
    }
}
