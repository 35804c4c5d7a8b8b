package org.orglife.rating;

import java.util.Map;

import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepContext;
import org.orglife.form.Choices.Decision;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.springframework.stereotype.Component;

/** 审批优秀比例: the township office approves a written reason for more 优秀 than one third (R2), or returns it. */
@Component
class ApproveExcellentExceptionStep implements ReviewStep {

    private final RatingRecords ratings;
    private final ReviewCycleRepository cycles;

    ApproveExcellentExceptionStep(RatingRecords ratings, ReviewCycleRepository cycles) {
        this.ratings = ratings;
        this.cycles = cycles;
    }

    @Override
    public String taskId() {
        return "approveExcellentException";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        long excellent = ratings.ratings(context.cycleId()).stream().filter(r -> r.grade() == Grade.EXCELLENT).count();
        String reason = ratings.exceptionReason(context.cycleId()).orElse("");
        return new FormValues()
                .put("exceptionSummary", "拟评优秀 " + excellent + " 名，超过正式党员总数的三分之一。\n支部的书面理由：" + reason)
                .put("exceptionDecision", null)
                .put("exceptionReturnReason", null)
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        Decision decision = form.choice("exceptionDecision", "审批意见", Decision.class, true);
        String reason = form.text("exceptionReturnReason", "退回原因", 2000, decision == Decision.RETURN);
        form.rejectIfProblems();
        boolean approved = decision == Decision.APPROVE;
        cycles.recordDecision(context.cycleId(), RateMembersStep.EXCEPTION_SUBJECT, approved, approved ? null : reason,
                context.userId(), context.now());
        context.decide(ReviewVariables.EXCEPTION_APPROVED, approved);
    }
}
