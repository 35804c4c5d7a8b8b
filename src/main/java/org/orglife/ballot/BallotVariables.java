package org.orglife.ballot;

/**
 * The messages and variables of the ballot inside step 4 of {@code branch-annual-review}: the ballot's
 * id and when it closes itself. Nothing of a single vote is ever a variable.
 */
final class BallotVariables {

    static final String OPENED = "ballotOpened";
    static final String CLOSED = "ballotClosed";
    static final String VOIDED = "ballotVoided";

    static final String BALLOT_ID = "ballotId";
    /** The moment the timer of {@code timerEvent_ballotDue} closes the ballot. */
    static final String CLOSES_AT = "ballotClosesAt";

    /** The step whose record takes the tallies, and the ballot's name in the audit trail. */
    static final String MEETING_TASK = "holdMembersMeeting";
    static final String AUDIT_STEP = "appraisalBallot";

    private BallotVariables() {
    }
}
