package org.orglife.campaign;

/**
 * The variables of the process {@code township-campaign}, by the names the model uses
 * ({@code processes/township-campaign.bpmn}); the campaign's deadlines and year are the cycle's
 * ({@link org.orglife.cycle.ReviewVariables}).
 */
public final class CampaignVariables {

    /** The active branches taking part, as the campaign decided when it started (a list of codes). */
    public static final String BRANCH_CODES = "branchCodes";
    /** The branches in chunks, one comma-separated string each: the cycles are started a chunk a job. */
    public static final String BRANCH_CHUNKS = "branchChunks";
    /** One chunk, the element of the multi-instance that starts the cycles. */
    public static final String BRANCH_CHUNK = "branchChunk";
    /** The branches drawn for spot checks (a list of codes). */
    public static final String SPOT_CHECK_BRANCHES = "spotCheckBranches";
    /** One drawn branch, the element of the spot checks' multi-instance. */
    public static final String SPOT_CHECK_BRANCH = "spotCheckBranch";
    /** When the township's statistics are due: the timer that closes the year. */
    public static final String STATISTICS_DEADLINE_AT = "statisticsDeadlineAt";

    private CampaignVariables() {
    }
}
