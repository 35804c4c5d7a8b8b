package org.orglife.ballot;

/**
 * The votes about one member: for each grade, how many ballots chose it. {@code note} marks a
 * probationary member, appraised and not graded.
 */
public record BallotTally(String memberId, String name, String note, int excellent, int qualified,
        int basicallyQualified, int unqualified) {

    public int votes() {
        return excellent + qualified + basicallyQualified + unqualified;
    }
}
