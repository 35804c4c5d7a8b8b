package org.orglife.campaign;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepSchedule;
import org.orglife.engine.EngineClock;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.registry.BranchRepository;
import org.springframework.stereotype.Component;

/**
 * 随机抽查、直接参会: dated by the branch's planned members' meeting; the supervisor records how the
 * branch was checked and what was found.
 */
@Component("spotCheckListener")
class SpotCheckListener implements TaskListener {

    enum Mode { RANDOM_CHECK, UNANNOUNCED_VISIT, ATTENDED_MEETING }

    private final CampaignRecords campaigns;
    private final BranchRepository branches;
    private final StepSchedule schedule;

    SpotCheckListener(CampaignRecords campaigns, BranchRepository branches, StepSchedule schedule) {
        this.campaigns = campaigns;
        this.branches = branches;
        this.schedule = schedule;
    }

    @Override
    public void notify(DelegateTask task) {
        int year = (Integer) task.getExecution().getVariable(ReviewVariables.REVIEW_YEAR);
        String branchCode = (String) task.getExecution().getVariable("spotCheckBranch");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            LocalDate plannedOn = campaigns.spotCheckPlannedOn(year, branchCode).orElse(null);
            if (plannedOn != null) {
                task.setDueDate(Date.from(schedule.at(plannedOn).toInstant()));
            }
            String branchName = branches.findByCode(branchCode).map(b -> b.name()).orElse(branchCode);
            task.setName("随机抽查：" + branchName);
            task.setVariablesLocal(new FormValues()
                    .put("spotCheckSummary", year + "年度 · " + branchName + "\n党员大会计划日期："
                            + (plannedOn == null ? "未定" : plannedOn.toString()))
                    .put("spotCheckMode", null)
                    .put("spotCheckFindings", null)
                    .toMap());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            FormData form = FormData.of(task.getVariablesLocal());
            Mode mode = form.choice("spotCheckMode", "督查方式", Mode.class, true);
            String findings = form.text("spotCheckFindings", "督查发现的情况", 4000, true);
            form.rejectIfProblems();
            String user = EngineClock.signedInUser();
            campaigns.recordSpotCheck(year, branchCode, mode.name(), findings, user == null ? "system" : user,
                    EngineClock.now());
        }
    }
}
