package org.orglife.campaign;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.orglife.engine.AsSystem;
import org.orglife.registry.BranchRepository;
import org.orglife.review.WorkPlanApproved;
import org.orglife.statistics.StatisticsSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the branch cycles tell the campaign: a spot-checked branch's plan is approved (so the check can
 * be dated by its meeting), and the last branch has submitted its statistics (so the summary need not
 * wait for the deadline). Messages nobody waits for are dropped: a cycle may run outside a campaign.
 */
@Component
class CampaignEvents {

    private static final Logger log = LoggerFactory.getLogger(CampaignEvents.class);

    private final CampaignRecords campaigns;
    private final BranchRepository branches;
    private final RuntimeService runtime;
    private final IdentityService identities;
    private final TransactionTemplate newTransaction;

    CampaignEvents(CampaignRecords campaigns, BranchRepository branches, RuntimeService runtime,
            IdentityService identities, PlatformTransactionManager transactions) {
        this.campaigns = campaigns;
        this.branches = branches;
        this.runtime = runtime;
        this.identities = identities;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void workPlanApproved(WorkPlanApproved event) {
        campaigns.planSpotCheck(event.year(), event.branchCode(), event.membersMeetingOn());
        campaignOf(event.branchCode(), event.year()).ifPresent(campaign -> AsSystem.run(() -> runtime
                .createMessageCorrelation("workPlanApproved-" + event.branchCode())
                .processInstanceId(campaign.processInstanceId())
                .correlateAllWithResult()));
    }

    /** The campaign of the branch's township, if its township launched one for the year (a cycle may run alone). */
    private java.util.Optional<Campaign> campaignOf(String branchCode, int year) {
        return branches.townshipOf(branchCode).flatMap(township -> campaigns.find(township, year))
                .filter(campaign -> campaign.processInstanceId() != null);
    }

    /**
     * Checked once the submission has committed, in a transaction of its own: of the last two branches
     * submitting at the same moment, the one committing later sees the other's row (checked inside
     * the submission, each would miss the other's, unless the campaign were locked for every cycle's
     * end, which made the ends wait for one another). Both may then tell the campaign; the later one
     * finds it told. Should the check fail, the submission stands and the deadline brings the summary.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void statisticsSubmitted(StatisticsSubmitted event) {
        try {
            newTransaction.executeWithoutResult(status -> {
                campaignOf(event.branchCode(), event.year())
                        .filter(campaign -> campaigns.allStatisticsSubmitted(campaign.townshipCode(), event.year()))
                        // outside the submission's command: the branch's secretary is still signed in
                        .ifPresent(campaign -> AsSystem.call(identities, () -> runtime
                                .createMessageCorrelation("allStatisticsSubmitted")
                                .processInstanceId(campaign.processInstanceId())
                                .correlateAllWithResult()));
            });
        } catch (OptimisticLockingException e) {
            log.info("campaign {}: every branch has reported; a branch submitting at the same moment told the campaign", event.year());
        } catch (RuntimeException e) {
            log.warn("campaign {}: could not tell it that every branch has reported; the summary follows at the statistics deadline", event.year(), e);
        }
    }
}
