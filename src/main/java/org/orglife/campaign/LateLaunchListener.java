package org.orglife.campaign;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepSchedule;
import org.orglife.engine.EngineContext;
import org.orglife.engine.FormPrefill;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.registry.CountyProperties;
import org.springframework.stereotype.Component;

/**
 * 督办乡镇部署（二级）: the county's supervisors are asked to press a township that has still not launched
 * its campaign two working days after the county's deadline, and record what they did. The township's
 * launch ends the 督办 (the launch's sub-process terminates).
 */
@Component("lateLaunchListener")
class LateLaunchListener implements TaskListener, FormPrefill {

    static final String TASK = CountyCampaigns.LAUNCH_SUPERVISION_TASK;

    private final CampaignRecords campaigns;
    private final CountyProperties county;
    private final StepSchedule schedule;

    LateLaunchListener(CampaignRecords campaigns, CountyProperties county, StepSchedule schedule) {
        this.campaigns = campaigns;
        this.county = county;
        this.schedule = schedule;
    }

    @Override
    public void notify(DelegateTask task) {
        String township = CampaignVariables.township(task.getExecution());
        int year = (Integer) task.getExecution().getVariable(ReviewVariables.REVIEW_YEAR);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName("督办：" + county.townshipName(township) + "部署" + year + "年度工作");
            task.setDueDate(Date.from(schedule.level2At(schedule.at(today())).toInstant()));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            FormData form = FormData.of(task.getVariablesLocal());
            String action = form.text("supervisorAction", "督办情况", 4000, true);
            form.rejectIfProblems();
            campaigns.recordLaunchSupervision(township, year, action, EngineContext.actor(), EngineContext.now());
        }
    }

    @Override
    public Map<String, Object> valuesFor(DelegateTask task) {
        if (!TASK.equals(task.getTaskDefinitionKey())) {
            return null;
        }
        String township = CampaignVariables.township(task.getExecution());
        int year = (Integer) task.getExecution().getVariable(ReviewVariables.REVIEW_YEAR);
        Date dueAt = (Date) task.getExecution().getVariable(CampaignVariables.LAUNCH_DUE_AT);
        LocalDate dueDay = dueAt.toInstant().atZone(schedule.zone()).toLocalDate();
        return new FormValues().put("launchSummary", county.townshipName(township) + "（" + township + "）" + year
                + "年度工作应于 " + dueDay + " 前部署，至今未部署，已逾期 "
                + schedule.workingDaysOverdue(schedule.at(dueDay), today()) + " 个工作日。").toMap();
    }

    private LocalDate today() {
        return EngineContext.now().atZone(schedule.zone()).toLocalDate();
    }
}
