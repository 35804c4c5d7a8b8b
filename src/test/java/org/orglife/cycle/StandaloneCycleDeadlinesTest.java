package org.orglife.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A cycle started on its own, outside a campaign, is dated by the notice's deadlines for its year. */
class StandaloneCycleDeadlinesTest extends CycleProcessTest {

    @Autowired StepSchedule schedule;

    @Test
    void everyStepOfACycleStartedOnItsOwnHasADueDate() {
        TestClock.at(2045, 1, 10);
        reviewCycles.start("DDG-04", 2044, Map.of());

        Task plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2044-DDG-04")
                .taskDefinitionKey("draftWorkPlan").singleResult();
        Instant expected = schedule.dueAt("draftWorkPlan", Deadlines.ofTheNotice(2044, 5)).orElseThrow().toInstant();
        assertThat(plan.getDueDate()).as("by the notice: plans by 22 February 2045").isNotNull();
        assertThat(plan.getDueDate().toInstant()).isEqualTo(expected);
        assertThat(plan.getFollowUpDate()).as("due soon two working days before").isBefore(plan.getDueDate());
        assertThat(Deadlines.ofTheNotice(2044, 5)).isEqualTo(new Deadlines(java.time.LocalDate.of(2045, 2, 22),
                java.time.LocalDate.of(2045, 2, 28), java.time.LocalDate.of(2045, 3, 5), 5));
    }
}
