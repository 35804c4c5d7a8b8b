package org.orglife.cycle;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A step's due date: the campaign's deadlines, counted back on the working-day calendar by the
 * schedule, and a follow-up date two working days before. A cycle started on its own, outside a
 * campaign, is dated by the notice's own deadlines for its year ({@link Deadlines#ofTheNotice}).
 */
@Component
class StepDeadlines {

    private final StepSchedule schedule;

    StepDeadlines(StepSchedule schedule) {
        this.schedule = schedule;
    }

    /** Dates the task; the due date, if its step has one in the schedule. */
    Optional<Instant> date(DelegateTask task) {
        Deadlines deadlines = Deadlines.fromVariables(task.getExecution()::getVariable);
        if (deadlines == null) {
            Object days = task.getExecution().getVariable(ReviewVariables.PUBLICITY_WORKING_DAYS);
            deadlines = Deadlines.ofTheNotice((Integer) task.getExecution().getVariable(ReviewVariables.REVIEW_YEAR),
                    days instanceof Number n ? n.intValue() : ReviewVariables.DEFAULT_PUBLICITY_WORKING_DAYS);
        }
        return schedule.dueAt(task.getTaskDefinitionKey(), deadlines).map(due -> {
            task.setDueDate(Date.from(due.toInstant()));
            task.setFollowUpDate(Date.from(schedule.followUpAt(due).toInstant()));
            return due.toInstant();
        });
    }
}
