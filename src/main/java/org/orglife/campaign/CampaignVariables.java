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

    /** When the county expects the township's launch (the county's launch deadline, 18:00): the late launch's notice. */
    public static final String LAUNCH_DUE_AT = "launchDueAt";
    /** Two working days after that: the late launch's 督办 for the county's supervisors. */
    public static final String LAUNCH_LEVEL2_AT = "launchLevel2At";
    /** The message the township office's launch sends to its campaign. */
    public static final String TOWNSHIP_LAUNCHED = "townshipCampaignLaunched";

    /**
     * The township of a campaign instance: the variable it was started with, or for an instance of the
     * release before (which served one township and has none) the tenant the upgrade gave it.
     */
    static String township(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        Object township = execution.getVariable(org.orglife.cycle.ReviewVariables.TOWNSHIP_CODE);
        return township != null ? (String) township : execution.getTenantId();
    }

    private CampaignVariables() {
    }
}
