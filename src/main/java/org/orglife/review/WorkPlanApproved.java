package org.orglife.review;

import java.time.LocalDate;

/** Published (inside the approving transaction) when the township office approves a branch's work plan. */
public record WorkPlanApproved(String cycleId, String branchCode, int year, LocalDate membersMeetingOn) {
}
