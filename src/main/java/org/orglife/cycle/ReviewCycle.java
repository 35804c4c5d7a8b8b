package org.orglife.cycle;

import java.time.Instant;
import java.time.LocalDate;

/** One branch's cycle of one year; its id is {@code {year}-{branchCode}}. */
public record ReviewCycle(String id, String branchCode, int year, String processInstanceId, String status,
        Instant startedAt, LocalDate filedOn, Instant completedAt) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
}
