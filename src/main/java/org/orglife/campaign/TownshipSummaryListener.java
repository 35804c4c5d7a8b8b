package org.orglife.campaign;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.EngineContext;
import org.orglife.engine.FormPrefill;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.statistics.BranchStatistics;
import org.orglife.statistics.TownshipStatistics;
import org.springframework.stereotype.Component;

/** 审批全镇汇总情况: the office reads the township totals (and who has not reported) and approves them. */
@Component("townshipSummaryListener")
class TownshipSummaryListener implements TaskListener, FormPrefill {

    static final String TASK = "approveTownshipSummary";

    private final CampaignRecords campaigns;
    private final TownshipStatistics statistics;

    TownshipSummaryListener(CampaignRecords campaigns, TownshipStatistics statistics) {
        this.campaigns = campaigns;
        this.statistics = statistics;
    }

    @Override
    public void notify(DelegateTask task) {
        int year = (Integer) task.getExecution().getVariable(ReviewVariables.REVIEW_YEAR);
        String township = CampaignVariables.township(task.getExecution());
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            FormData form = FormData.of(task.getVariablesLocal());
            String comment = form.text("summaryComment", "审批意见", 4000, false);
            if (!form.bool("summaryApproved")) {
                form.problem("请勾选“同意上报全镇汇总情况”");
            }
            form.rejectIfProblems();
            campaigns.approveSummary(township, year, comment, EngineContext.actor(),
                    EngineContext.now());
        }
    }

    /** The township's sums and the branches still missing, as they stand when the office opens the form. */
    @Override
    public Map<String, Object> valuesFor(DelegateTask task) {
        if (!TASK.equals(task.getTaskDefinitionKey())) {
            return null;
        }
        int year = (Integer) task.getExecution().getVariable(ReviewVariables.REVIEW_YEAR);
        String township = CampaignVariables.township(task.getExecution());
        Map<String, Long> totals = statistics.totals(township, year);
        String missing = String.join("、", campaigns.branchesWithoutStatistics(township, year));
        String text = totals.entrySet().stream()
                .map(e -> BranchStatistics.COLUMNS.getOrDefault(e.getKey(), e.getKey()) + "：" + e.getValue())
                .collect(Collectors.joining("\n"));
        return new FormValues()
                .put("summaryText", year + "年度全镇汇总（已报送 " + statistics.submittedCount(township, year) + " 个支部）\n" + text
                        + (missing.isEmpty() ? "" : "\n未报送的支部：" + missing))
                .put("summaryApproved", false)
                .toMap();
    }
}
