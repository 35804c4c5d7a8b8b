package org.orglife.rectification;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.EngineContext;
import org.orglife.registry.BranchRepository;
import org.springframework.stereotype.Component;

/**
 * 归档整改清单和测评结果: the date the township filed the branch's list and results (镇党委备案), and from
 * then on each item is followed until it is done ({@link RectificationFollowUps}, 整改销号).
 */
@Component
class FileCycleDelegate implements JavaDelegate {

    private final ReviewCycleRepository cycles;
    private final WorkingDayCalendar calendar;
    private final RectificationFollowUps followUps;
    private final BranchRepository branches;

    FileCycleDelegate(ReviewCycleRepository cycles, WorkingDayCalendar calendar, RectificationFollowUps followUps,
            BranchRepository branches) {
        this.cycles = cycles;
        this.calendar = calendar;
        this.followUps = followUps;
        this.branches = branches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cycles.markFiled((String) execution.getVariable(ReviewVariables.CYCLE_ID),
                LocalDate.ofInstant(EngineContext.now(), calendar.zone()));
        followUps.startAtFiling(execution, branches.findByCode(
                (String) execution.getVariable(ReviewVariables.BRANCH_CODE)).orElseThrow());
    }
}
