package org.orglife.campaign;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.cycle.Deadlines;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.ReviewVariables;
import org.springframework.stereotype.Component;

/**
 * 启动各支部组织生活会和民主评议党员: starts the {@code branch-annual-review} of each branch of one chunk
 * (a comma-separated list of branch codes) with the campaign's deadlines, business key
 * {@code {year}-{code}}. One job per chunk: a failure rolls back the chunk's starts and is retried.
 */
@Component
class StartBranchReviewsDelegate implements JavaDelegate {

    static final int CHUNK = 200;

    private final ReviewCycles cycles;

    StartBranchReviewsDelegate(ReviewCycles cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = (Integer) execution.getVariable(ReviewVariables.REVIEW_YEAR);
        Map<String, Object> settings = new HashMap<>();
        for (String name : new String[] {Deadlines.PLAN_DUE_BY, Deadlines.MEETINGS_DUE_BY, Deadlines.STATISTICS_DUE_BY,
                Deadlines.PUBLICITY_WORKING_DAYS}) {
            settings.put(name, execution.getVariable(name));
        }
        for (String code : ((String) execution.getVariable(CampaignVariables.BRANCH_CHUNK)).split(",")) {
            cycles.start(code, year, settings);
        }
    }
}
