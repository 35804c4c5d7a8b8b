package org.orglife.statistics;

/** Published (inside the submitting transaction) when a branch submits its statistics row. */
public record StatisticsSubmitted(String cycleId, String branchCode, int year) {
}
