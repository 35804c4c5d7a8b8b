package org.orglife.campaign;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.orglife.cycle.ReviewVariables;
import org.springframework.stereotype.Component;

/** 准备年度工作: the year in, {@link CampaignPreparation} decides, the lists the model loops over out. */
@Component
class PrepareCampaignDelegate implements JavaDelegate {

    private final CampaignPreparation preparation;

    PrepareCampaignDelegate(CampaignPreparation preparation) {
        this.preparation = preparation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CampaignPreparation.Preparation prepared = preparation.prepare(CampaignVariables.township(execution),
                (Integer) execution.getVariable(ReviewVariables.REVIEW_YEAR));
        execution.setVariable(CampaignVariables.BRANCH_CODES, json(prepared.branchCodes()));
        execution.setVariable(CampaignVariables.BRANCH_CHUNKS, json(prepared.chunks()));
        execution.setVariable(CampaignVariables.SPOT_CHECK_BRANCHES, json(prepared.spotChecks()));
        execution.setVariable(CampaignVariables.STATISTICS_DEADLINE_AT, Date.from(prepared.statisticsDeadline()));
    }

    /** Lists are kept as JSON, never with Java serialization. */
    private static ObjectValue json(List<String> list) {
        return Variables.objectValue(list).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
    }
}
