package org.orglife.cycle;

/**
 * How a member kept the year's commitment (督促党员承诺践诺): 践诺, 部分践诺 or 未践诺. Recorded after the
 * filing (rectification's {@code Commitments}), shown beside the member in the next year's rating.
 */
public enum CommitmentKept {
    KEPT("践诺"),
    PARTLY_KEPT("部分践诺"),
    NOT_KEPT("未践诺");

    private final String label;

    CommitmentKept(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
