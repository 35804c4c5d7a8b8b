package org.orglife.rating;

/** The organizational dispositions of a member rated 不合格; all but 限期改正 need the township's approval. */
public enum Disposition {
    CORRECT_WITHIN_DEADLINE("限期改正"),
    PERSUADE_TO_WITHDRAW("劝其退党"),
    EXPEL("除名");

    private final String label;

    Disposition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean needsTownshipApproval() {
        return this != CORRECT_WITHIN_DEADLINE;
    }
}
