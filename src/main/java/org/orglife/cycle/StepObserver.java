package org.orglife.cycle;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Told of a step's task as it opens with its due date; the escalation of overdue steps is one.
 * Implementations are Spring beans; the cycle knows none of them.
 */
public interface StepObserver {

    /** The task opened, due at {@code due}: in a campaign, dated on the working-day calendar. */
    void opened(DelegateTask task, String cycleId, String branchCode, Instant due);
}
