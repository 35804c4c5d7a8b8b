package org.orglife.escalation;

/**
 * The variables of the processes {@code overdue-escalation} and {@code overdue-sweep}, by the names the
 * models use; the cycle and branch are the cycle's ({@link org.orglife.cycle.ReviewVariables}).
 */
public final class EscalationVariables {

    /** The overdue step's task, also the escalation's business key. */
    public static final String TASK_ID = "taskId";
    /** The step's task definition key, e.g. {@code holdMembersMeeting}. */
    public static final String TASK_KEY = "taskKey";
    /** The step's name as Tasklist shows it. */
    public static final String TASK_NAME = "taskName";
    /** When the step was due. */
    public static final String DUE_AT = "dueAt";
    /** When the supervisors get their 督办 task: two working days after the due date. */
    public static final String LEVEL2_AT = "level2At";
    /** Asked by the previous release's model, which gave each step a 督办 of its own: always false now. */
    public static final String FIRST_SUPERVISION = "firstSupervision";
    /** How many steps the sweep escalated this time. */
    public static final String ESCALATED = "escalated";

    private EscalationVariables() {
    }
}
