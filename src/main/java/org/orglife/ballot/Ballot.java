package org.orglife.ballot;

import java.time.Instant;

/**
 * One opening of a cycle's appraisal ballot: as many codes issued as voters were recorded present or
 * remote, and how many of them were used. It closes itself at {@code closesAt}.
 */
public record Ballot(String id, String cycleId, BallotStatus status, int codesIssued, int codesCast,
        Instant closesAt, String openedBy, Instant openedAt, String endedBy, Instant endedAt, String voidReason) {

    public boolean isOpen() {
        return status == BallotStatus.OPEN;
    }

    /** "已投 12 / 15". */
    public String count() {
        return "已投 " + codesCast + " / " + codesIssued;
    }
}
