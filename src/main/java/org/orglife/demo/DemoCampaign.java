package org.orglife.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.campaign.CampaignRecords;
import org.orglife.campaign.Campaigns;
import org.orglife.campaign.CountyCampaigns;
import org.orglife.engine.EngineContext;
import org.orglife.registry.CountyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's campaigns, created on the first start around that day ({@link DemoDates}): the county's
 * launched as if four weeks ago, with the engine's clock set back, 大东沟镇's and 南村镇's launched within
 * it the same day, 川底乡's not at all (its late launch is escalated to the county: a notice, then the
 * county supervisors' 督办); five of 大东沟镇's branches moved ahead on time through the same forms a
 * secretary fills ({@link DemoProgress}), DDG-03 with its online ballot open and a few votes cast
 * ({@link DemoBallot}); DDG-03's cycle of the year before filed and its rectification followed since
 * ({@link DemoFollowUp}); then the overdue sweep's next run is brought to now, and it
 * escalates what is overdue today. So Tasklist, Cockpit and the dashboard show real work at
 * the first login: steps done, steps due this week, steps overdue and under 督办. Created once: a later start, on any
 * day, finds a campaign and leaves it as it is.
 *
 * <p>It runs before the job executor starts (both on the application being ready, this first) and runs
 * the jobs of its own work itself, at the clock it set.
 */
@Component
@ConditionalOnProperty(name = "orglife.demo.campaign", havingValue = "true")
class DemoCampaign {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

    private final Campaigns campaigns;
    private final CountyCampaigns countyCampaigns;
    private final CountyProperties county;
    private final CampaignRecords records;
    private final DemoProgress progress;
    private final ManagementService jobs;
    private final WorkingDayCalendar calendar;
    private final DemoBallot ballot;
    private final DemoFollowUp followUp;

    DemoCampaign(Campaigns campaigns, CountyCampaigns countyCampaigns, CountyProperties county, CampaignRecords records,
            DemoProgress progress, ManagementService jobs, WorkingDayCalendar calendar, DemoBallot ballot,
            DemoFollowUp followUp) {
        this.followUp = followUp;
        this.campaigns = campaigns;
        this.countyCampaigns = countyCampaigns;
        this.county = county;
        this.records = records;
        this.progress = progress;
        this.jobs = jobs;
        this.calendar = calendar;
        this.ballot = ballot;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void create() {
        if (records.any()) {
            return;
        }
        Instant now = EngineContext.now();
        DemoDates dates = DemoDates.around(now.atZone(calendar.zone()).toLocalDate(), calendar);
        followUp.lastYearFiledAndFollowed(dates.year(), now);
        try {
            EngineContext.backdateTo(dates.launchedAt(calendar.zone()));
            countyCampaigns.launch(new CountyCampaigns.LaunchRequest(dates.year(), dates.planDueBy(),
                    dates.meetingsDueBy(), dates.statisticsDueBy(), 5, new BigDecimal("0.2"), 5), "county");
            Campaigns.LaunchRequest withinTheCounty = new Campaigns.LaunchRequest(dates.year(), dates.planDueBy(),
                    dates.meetingsDueBy(), dates.statisticsDueBy(), 5, new BigDecimal("0.2"));
            campaigns.launch(withinTheCounty, "DDG", "office");
            if (county.township("NCZ").isPresent()) {
                campaigns.launch(withinTheCounty, "NCZ", "office-ncz");
            }
            progress.runDueJobs();
            progress.advance(dates, now);
        } finally {
            EngineContext.clockBackToNow();
        }
        ballot.openWithSomeVotes(dates.year());
        // the overdue sweep's next run, now: the job executor escalates what is overdue at once
        Job sweep = jobs.createJobQuery().processDefinitionKey("overdue-sweep").timers().singleResult();
        if (sweep != null) {
            jobs.setJobDuedate(sweep.getId(), Date.from(now));
        }
        log.info("demo campaign {} created around {}: plans due {}, meetings {}, statistics {}", dates.year(),
                LocalDate.ofInstant(now, calendar.zone()), dates.planDueBy(), dates.meetingsDueBy(),
                dates.statisticsDueBy());
    }
}
