package org.orglife.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
class CampaignPreparation {

    /** Branches whose cycles one job starts. */
    static final int CHUNK = StartBranchReviewsDelegate.CHUNK;

    /**
     * What the campaign takes on: the branches taking part, in chunks of {@value #CHUNK}, those drawn for
     * spot checks, and when the township's statistics are due.
     */
    record Preparation(List<String> branchCodes, List<String> chunks, List<String> spotChecks,
            Instant statisticsDeadline) {
    }

    private final CampaignRecords campaigns;
    private final BranchRepository branches;
    private final ReviewCycleRepository cycles;
    private final StepSchedule schedule;

    CampaignPreparation(CampaignRecords campaigns, BranchRepository branches, ReviewCycleRepository cycles,
            StepSchedule schedule) {
        this.campaigns = campaigns;
        this.branches = branches;
        this.cycles = cycles;
        this.schedule = schedule;
    }

    /** Every active branch of the township without a cycle of the year takes part; the spot checks are drawn and recorded. */
    Preparation prepare(String township, int year) {
        Campaign campaign = campaigns.find(township, year).orElseThrow();
        List<String> taking = branches.findActive(township).stream().map(Branch::code)
                .filter(code -> cycles.find(ReviewVariables.cycleId(year, code)).isEmpty())
                .toList();
        List<String> drawn = SpotCheckDraw.draw(taking, campaign.spotCheckShare(), campaign.spotCheckSeed());
        drawn.forEach(code -> campaigns.addSpotCheck(year, code));
        List<String> chunks = new ArrayList<>();
        for (int from = 0; from < taking.size(); from += CHUNK) {
            chunks.add(String.join(",", taking.subList(from, Math.min(taking.size(), from + CHUNK))));
        }
        Instant deadline = schedule.dueAt("submitStatistics", campaign.deadlines()).orElseThrow().toInstant();
        return new Preparation(taking, chunks, drawn, deadline);
    }
}
