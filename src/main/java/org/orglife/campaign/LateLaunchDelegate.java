package org.orglife.campaign;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.EngineContext;
import org.orglife.escalation.TownshipNotices;
import org.orglife.registry.CountyProperties;
import org.springframework.stereotype.Component;

/**
 * 逾期提醒（一级） of a township that has not launched its campaign by the county's launch deadline: the
 * township's office and the county's staff are told, and the late launch is recorded for the county's view.
 */
@Component
class LateLaunchDelegate implements JavaDelegate {

    private final CampaignRecords campaigns;
    private final TownshipNotices notices;
    private final CountyProperties county;

    LateLaunchDelegate(CampaignRecords campaigns, TownshipNotices notices, CountyProperties county) {
        this.campaigns = campaigns;
        this.notices = notices;
        this.county = county;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String township = CampaignVariables.township(execution);
        int year = (Integer) execution.getVariable(ReviewVariables.REVIEW_YEAR);
        Date dueAt = (Date) execution.getVariable(CampaignVariables.LAUNCH_DUE_AT);
        campaigns.recordLateLaunch(township, year, dueAt.toInstant(), EngineContext.now());
        LocalDate dueDay = dueAt.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        String name = county.townshipName(township);
        notices.notifyOfficeAndCounty(township, execution.getProcessInstanceId(),
                "【逾期提醒】" + name + "尚未部署" + year + "年度组织生活会和民主评议党员工作",
                county.name() + "委组织部要求各乡镇于 " + dueDay + " 前部署" + year + "年度组织生活会和民主评议党员工作，"
                        + name + "尚未部署，请镇党委办公室尽快部署。两个工作日后仍未部署的，将报县督导组督办。");
    }
}
