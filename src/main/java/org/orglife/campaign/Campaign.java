package org.orglife.campaign;

import java.math.BigDecimal;
import java.time.Instant;

import org.orglife.cycle.Deadlines;

/** The township's campaign of a year, as launched. */
public record Campaign(int year, Deadlines deadlines, BigDecimal spotCheckShare, long spotCheckSeed,
        String processInstanceId, String launchedBy, Instant launchedAt) {

    public static String businessKey(int year) {
        return "campaign-" + year;
    }
}
