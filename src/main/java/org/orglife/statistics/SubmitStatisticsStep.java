package org.orglife.statistics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.StepContext;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.rating.RatingRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 填报统计表: the branch's row, pre-filled from what the cycle recorded, corrected where needed and
 * confirmed. The totals must add up.
 */
@Component
class SubmitStatisticsStep implements ReviewStep {

    private final BranchStatistics statistics;
    private final ApplicationEventPublisher events;

    SubmitStatisticsStep(BranchStatistics statistics, ApplicationEventPublisher events) {
        this.statistics = statistics;
        this.events = events;
    }

    @Override
    public String taskId() {
        return "submitStatistics";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        Map<String, Integer> counted = statistics.count(context.cycleId(), context.branchCode());
        FormValues values = new FormValues();
        counted.forEach(values::put);
        int cap = RatingRules.excellentCap(counted.get("formalMembers"));
        int formal = counted.get("formalMembers");
        String share = formal == 0 ? "无正式党员"
                : String.format("优秀 %d 名，占正式党员的 %.1f%%（上限 %d 名）", counted.get("excellent"),
                        100.0 * counted.get("excellent") / formal, cap);
        return values.put("excellentShare", share)
                .put("meetingHeld", statistics.meetingHeld(context.cycleId()))
                .put("statisticsConfirmed", false)
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        Map<String, Integer> values = new LinkedHashMap<>();
        BranchStatistics.COLUMNS.forEach((key, label) -> values.put(key, form.count(key, label, true)));
        if (!form.bool("statisticsConfirmed")) {
            form.problem("请核对统计数据后勾选“已核对无误”");
        }
        if (values.get("formalMembers") + values.get("probationaryMembers") != values.get("membersTotal")) {
            form.problem("正式党员与预备党员之和应等于党员总数");
        }
        if (values.get("attended") + values.get("remote") + values.get("absent") > values.get("membersTotal")) {
            form.problem("到会、远程参会和缺席人数之和不能超过党员总数");
        }
        int graded = values.get("excellent") + values.get("qualified") + values.get("basicallyQualified")
                + values.get("unqualified");
        if (graded + values.get("notGraded") != values.get("membersTotal")) {
            form.problem("各等次人数与不定等次人数之和应等于党员总数");
        }
        form.rejectIfProblems();
        statistics.save(context.cycleId(), form.bool("meetingHeld"), values,
                RatingRules.excellentCap(values.get("formalMembers")), context.userId(), context.now());
        events.publishEvent(new StatisticsSubmitted(context.cycleId(), context.branchCode(), context.year()));
    }
}
