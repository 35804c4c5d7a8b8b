package org.orglife.ballot;

/** Where a ballot stands: open for votes, closed with its tallies, or voided with a reason. */
public enum BallotStatus {
    OPEN("测评进行中"),
    CLOSED("测评已结束"),
    VOIDED("测评已作废");

    private final String label;

    BallotStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
