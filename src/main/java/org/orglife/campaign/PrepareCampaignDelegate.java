package org.orglife.campaign;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepSchedule;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.springframework.stereotype.Component;

/**
 * 确定参评支部和抽查支部: every active branch without a cycle of the year takes part; the spot-check share
 * is drawn with the campaign's seed and recorded; the branches are cut into chunks, one cycle-start
 * job each; the summary waits until the statistics deadline.
 */
@Component
class PrepareCampaignDelegate implements JavaDelegate {

    private final CampaignRecords campaigns;
    private final BranchRepository branches;
    private final ReviewCycleRepository cycles;
    private final StepSchedule schedule;

    PrepareCampaignDelegate(CampaignRecords campaigns, BranchRepository branches, ReviewCycleRepository cycles,
            StepSchedule schedule) {
        this.campaigns = campaigns;
        this.branches = branches;
        this.cycles = cycles;
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = (Integer) execution.getVariable(ReviewVariables.REVIEW_YEAR);
        Campaign campaign = campaigns.find(year).orElseThrow();
        List<String> taking = branches.findActive().stream().map(Branch::code)
                .filter(code -> cycles.find(ReviewVariables.cycleId(year, code)).isEmpty())
                .toList();
        List<String> drawn = SpotCheckDraw.draw(taking, campaign.spotCheckShare(), campaign.spotCheckSeed());
        drawn.forEach(code -> campaigns.addSpotCheck(year, code));
        execution.setVariable(CampaignVariables.BRANCH_CODES, Variables.objectValue(taking)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        List<String> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < taking.size(); from += StartBranchReviewsDelegate.CHUNK) {
            chunks.add(String.join(",", taking.subList(from, Math.min(taking.size(), from + StartBranchReviewsDelegate.CHUNK))));
        }
        execution.setVariable(CampaignVariables.BRANCH_CHUNKS, Variables.objectValue(chunks)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable(CampaignVariables.SPOT_CHECK_BRANCHES, Variables.objectValue(drawn)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        Date deadline = Date.from(schedule.dueAt("submitStatistics", campaign.deadlines()).orElseThrow().toInstant());
        execution.setVariable(CampaignVariables.STATISTICS_DEADLINE_AT, deadline);
    }
}
