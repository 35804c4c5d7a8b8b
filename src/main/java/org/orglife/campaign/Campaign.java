package org.orglife.campaign;

import java.math.BigDecimal;
import java.time.Instant;

import org.orglife.cycle.Deadlines;

/** A township's campaign of a year, as its office launched it (within the county's, if the county launched one). */
public record Campaign(String townshipCode, int year, Deadlines deadlines, BigDecimal spotCheckShare, long spotCheckSeed,
        String processInstanceId, String launchedBy, Instant launchedAt) {

    /** The business key of a township's campaign instance (those of the release before are {@code campaign-{year}}). */
    public static String businessKey(String townshipCode, int year) {
        return "campaign-" + townshipCode + "-" + year;
    }
}
