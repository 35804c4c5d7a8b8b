package org.orglife.campaign;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.EngineContext;
import org.springframework.stereotype.Component;

/** 汇总分析: the township summary is assembled, naming the branches that have not reported. */
@Component
class AssembleSummaryDelegate implements JavaDelegate {

    private final CampaignRecords campaigns;

    AssembleSummaryDelegate(CampaignRecords campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = (Integer) execution.getVariable(ReviewVariables.REVIEW_YEAR);
        String township = CampaignVariables.township(execution);
        List<String> missing = campaigns.branchesWithoutStatistics(township, year);
        campaigns.recordSummary(township, year, missing, EngineContext.now());
    }
}
