package org.orglife.cycle;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A step's due date, in a campaign: the campaign's deadlines, counted back on the working-day calendar
 * by the schedule, and a follow-up date two working days before. A cycle started alone has none.
 */
@Component
class StepDeadlines {

    private final StepSchedule schedule;

    StepDeadlines(StepSchedule schedule) {
        this.schedule = schedule;
    }

    /** Dates the task; the due date, if it has one. */
    Optional<Instant> date(DelegateTask task) {
        Deadlines deadlines = Deadlines.fromVariables(task.getExecution()::getVariable);
        if (deadlines == null) {
            return Optional.empty();
        }
        return schedule.dueAt(task.getTaskDefinitionKey(), deadlines).map(due -> {
            task.setDueDate(Date.from(due.toInstant()));
            task.setFollowUpDate(Date.from(schedule.followUpAt(due).toInstant()));
            return due.toInstant();
        });
    }
}
