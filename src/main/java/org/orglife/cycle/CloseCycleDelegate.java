package org.orglife.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.engine.EngineContext;
import org.springframework.stereotype.Component;

/** 完成年度档案: the year's work of the branch is done; its records stay as the archive. */
@Component
class CloseCycleDelegate implements JavaDelegate {

    private final ReviewCycleRepository cycles;

    CloseCycleDelegate(ReviewCycleRepository cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cycles.markCompleted((String) execution.getVariable(ReviewVariables.CYCLE_ID),
                EngineContext.now());
    }
}
