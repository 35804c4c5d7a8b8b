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
import org.orglife.registry.BranchRepository;
import org.springframework.stereotype.Component;

/**
 * 随机抽查、直接参会: dated by the branch's planned members' meeting; the supervisor records how the
 * branch was checked and what was found.
 */
@Component("spotCheckListener")
class SpotCheckListener implements TaskListener, FormPrefill {

    static final String TASK = "conductSpotCheck";

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
        String branchCode = (String) task.getExecution().getVariable(CampaignVariables.SPOT_CHECK_BRANCH);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            LocalDate plannedOn = campaigns.spotCheckPlannedOn(year, branchCode).orElse(null);
            if (plannedOn != null) {
                task.setDueDate(Date.from(schedule.at(plannedOn).toInstant()));
            }
            task.setName("随机抽查：" + branchName(branchCode));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            FormData form = FormData.of(task.getVariablesLocal());
            Mode mode = form.choice("spotCheckMode", "督查方式", Mode.class, true);
            String findings = form.text("spotCheckFindings", "督查发现的情况", 4000, true);
            form.rejectIfProblems();
            campaigns.recordSpotCheck(year, branchCode, mode.name(), findings, EngineContext.actor(),
                    EngineContext.now());
        }
    }

    /** The branch and its planned members' meeting, as the supervisor finds them when opening the form. */
    @Override
    public Map<String, Object> valuesFor(DelegateTask task) {
        if (!TASK.equals(task.getTaskDefinitionKey())) {
            return null;
        }
        int year = (Integer) task.getExecution().getVariable(ReviewVariables.REVIEW_YEAR);
        String branchCode = (String) task.getExecution().getVariable(CampaignVariables.SPOT_CHECK_BRANCH);
        LocalDate plannedOn = campaigns.spotCheckPlannedOn(year, branchCode).orElse(null);
        return new FormValues().put("spotCheckSummary", year + "年度 · " + branchName(branchCode) + "\n党员大会计划日期："
                + (plannedOn == null ? "未定" : plannedOn.toString())).toMap();
    }

    private String branchName(String branchCode) {
        return branches.findByCode(branchCode).map(b -> b.name()).orElse(branchCode);
    }
}
