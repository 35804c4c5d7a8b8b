package org.orglife.campaign;

import org.camunda.bpm.engine.RuntimeService;
import org.orglife.identity.AsSystem;
import org.orglife.review.WorkPlanApproved;
import org.orglife.statistics.StatisticsSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the branch cycles tell the campaign: a spot-checked branch's plan is approved (so the check can
 * be dated by its meeting), and the last branch has submitted its statistics (so the summary need not
 * wait for the deadline). Messages nobody waits for are dropped: a cycle may run outside a campaign.
 */
@Component
class CampaignEvents {

    private final CampaignRecords campaigns;
    private final RuntimeService runtime;

    CampaignEvents(CampaignRecords campaigns, RuntimeService runtime) {
        this.campaigns = campaigns;
        this.runtime = runtime;
    }

    @EventListener
    void workPlanApproved(WorkPlanApproved event) {
        campaigns.planSpotCheck(event.year(), event.branchCode(), event.membersMeetingOn());
        AsSystem.run(() -> runtime.createMessageCorrelation("workPlanApproved-" + event.branchCode())
                .processInstanceBusinessKey(Campaign.businessKey(event.year()))
                .correlateAllWithResult());
    }

    @EventListener
    void statisticsSubmitted(StatisticsSubmitted event) {
        if (campaigns.lock(event.year()) && campaigns.allStatisticsSubmitted(event.year())) {
            AsSystem.run(() -> runtime.createMessageCorrelation("allStatisticsSubmitted")
                    .processInstanceBusinessKey(Campaign.businessKey(event.year()))
                    .correlateAllWithResult());
        }
    }
}
