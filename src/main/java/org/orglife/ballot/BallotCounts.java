package org.orglife.ballot;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.orglife.rating.Grade;

/**
 * The counts of a ballot box: for each member on the ballot, in its order, the votes for each of the
 * four grades. Kept as one text (comma-separated numbers, four per member), so that a vote rewrites
 * one row, not one per member.
 */
final class BallotCounts {

    private static final int GRADES = Grade.values().length;

    private final int[] votes;

    private BallotCounts(int[] votes) {
        this.votes = votes;
    }

    static BallotCounts none(int members) {
        return new BallotCounts(new int[members * GRADES]);
    }

    static BallotCounts parse(String text) {
        if (text.isEmpty()) {
            return new BallotCounts(new int[0]);
        }
        return new BallotCounts(Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray());
    }

    int members() {
        return votes.length / GRADES;
    }

    /** The votes for {@code grade} of the member at {@code position}. */
    int of(int position, Grade grade) {
        return votes[position * GRADES + grade.ordinal()];
    }

    /** These counts with one ballot added: a grade for each member, by position. */
    BallotCounts plus(Map<Integer, Grade> ballot) {
        if (ballot.size() != members()) {
            throw new IllegalStateException("a ballot of " + members() + " members carries " + ballot.size() + " choices");
        }
        int[] added = votes.clone();
        ballot.forEach((position, grade) -> added[position * GRADES + grade.ordinal()]++);
        return new BallotCounts(added);
    }

    /** Two boxes' counts together. */
    BallotCounts sum(BallotCounts other) {
        int[] total = votes.clone();
        for (int i = 0; i < total.length; i++) {
            total[i] += other.votes[i];
        }
        return new BallotCounts(total);
    }

    @Override
    public String toString() {
        return Arrays.stream(votes).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
