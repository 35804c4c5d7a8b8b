package org.orglife.review;

import java.util.Map;

import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.CycleRecords.WorkPlan;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepContext;
import org.orglife.form.Choices;
import org.orglife.form.Choices.Decision;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** 审核工作方案: the township office approves the branch's plan or returns it with a reason. */
@Component
class ReviewWorkPlanStep implements ReviewStep {

    private final CycleRecords records;
    private final ReviewCycleRepository cycles;
    private final ApplicationEventPublisher events;

    ReviewWorkPlanStep(CycleRecords records, ReviewCycleRepository cycles, ApplicationEventPublisher events) {
        this.records = records;
        this.cycles = cycles;
        this.events = events;
    }

    @Override
    public String taskId() {
        return "reviewWorkPlan";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        return new FormValues()
                .put("planSummary", records.workPlan(context.cycleId()).map(ReviewWorkPlanStep::summary).orElse(""))
                .put("planDecision", null)
                .put("planReturnReason", null)
                .toMap();
    }

    static String summary(WorkPlan plan) {
        return "支部委员会会议：" + plan.committeeMeetingOn() + "\n党员大会：" + plan.membersMeetingOn()
                + (plan.membersMeetingForm() == Choices.MeetingForm.BY_GROUP ? "（分党小组召开）" : "（党员大会）")
                + "\n地点：" + plan.venue() + "\n学习研讨内容：" + plan.studyTopics()
                + (plan.absenteeArrangements() == null ? "" : "\n不能参会党员的安排：" + plan.absenteeArrangements());
    }

    @Override
    public void complete(StepContext context, FormData form) {
        Decision decision = form.choice("planDecision", "审核意见", Decision.class, true);
        String reason = form.text("planReturnReason", "退回原因", 2000, decision == Decision.RETURN);
        form.rejectIfProblems();
        boolean approved = decision == Decision.APPROVE;
        cycles.recordDecision(context.cycleId(), DraftWorkPlanStep.SUBJECT, approved, approved ? null : reason,
                context.userId(), context.now());
        context.decide(ReviewVariables.PLAN_APPROVED, approved);
        if (approved) {
            records.workPlan(context.cycleId()).ifPresent(plan -> events.publishEvent(new WorkPlanApproved(
                    context.cycleId(), context.branchCode(), context.year(), plan.membersMeetingOn())));
        }
    }
}
