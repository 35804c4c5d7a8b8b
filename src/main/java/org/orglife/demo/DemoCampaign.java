package org.orglife.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.orglife.campaign.CampaignRecords;
import org.orglife.campaign.Campaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's 2021 campaign, launched on the first start with the notice's deadlines (plans by
 * 2022-02-22, meetings by the end of February, statistics by 5 March, 20% spot checks), so that
 * Tasklist, Cockpit and the dashboard show real work at the first login. {@link DemoProgress} then
 * moves a few branches ahead.
 */
@Component
@ConditionalOnProperty(name = "orglife.demo.campaign", havingValue = "true")
class DemoCampaign {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);
    static final int YEAR = 2021;

    private final Campaigns campaigns;
    private final CampaignRecords records;

    DemoCampaign(Campaigns campaigns, CampaignRecords records) {
        this.campaigns = campaigns;
        this.records = records;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void launch() {
        if (records.exists(YEAR)) {
            return;
        }
        campaigns.launch(new Campaigns.LaunchRequest(YEAR, LocalDate.of(2022, 2, 22), LocalDate.of(2022, 2, 28),
                LocalDate.of(2022, 3, 5), 5, new BigDecimal("0.2")), "office");
        log.info("demo campaign {} launched", YEAR);
    }
}
