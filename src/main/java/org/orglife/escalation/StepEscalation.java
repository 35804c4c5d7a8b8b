package org.orglife.escalation;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.orglife.cycle.StepNames;
import org.orglife.cycle.StepObserver;
import org.springframework.stereotype.Component;

/**
 * The escalation's part in a step's life: a step that opens already overdue is escalated at once (the
 * sweep finds the others once they fall due). A step done on time costs nothing here; one done late
 * is noticed by its escalation's own jobs ({@link EscalationWatch}).
 */
@Component
class StepEscalation implements StepObserver {

    private final EscalationWatch escalations;

    StepEscalation(EscalationWatch escalations) {
        this.escalations = escalations;
    }

    @Override
    public void opened(DelegateTask task, String cycleId, String branchCode, Instant due) {
        if (EscalationWatch.mayBeEscalated(task.getDueDate())) {
            escalations.escalate(new EscalationRecords.Step(task.getId(), cycleId, branchCode,
                    task.getTaskDefinitionKey(), StepNames.step(task.getName()), due));
        }
    }
}
