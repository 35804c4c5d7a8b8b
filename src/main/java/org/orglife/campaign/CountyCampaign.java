package org.orglife.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.orglife.cycle.Deadlines;

/**
 * The county's campaign of a year (县委组织部部署): the outer deadlines and rules every township's campaign
 * keeps within, and the day by which each township is to have launched its own.
 */
public record CountyCampaign(int year, Deadlines deadlines, BigDecimal spotCheckShare, int launchWithinWorkingDays,
        LocalDate launchDueBy, String launchedBy, Instant launchedAt) {
}
