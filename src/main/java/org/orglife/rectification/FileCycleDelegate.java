package org.orglife.rectification;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.EngineContext;
import org.springframework.stereotype.Component;

/** 归档整改清单和测评结果: the date the township filed the branch's list and results (镇党委备案). */
@Component
class FileCycleDelegate implements JavaDelegate {

    private final ReviewCycleRepository cycles;
    private final WorkingDayCalendar calendar;

    FileCycleDelegate(ReviewCycleRepository cycles, WorkingDayCalendar calendar) {
        this.cycles = cycles;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cycles.markFiled((String) execution.getVariable(ReviewVariables.CYCLE_ID),
                LocalDate.ofInstant(EngineContext.now(), calendar.zone()));
    }
}
