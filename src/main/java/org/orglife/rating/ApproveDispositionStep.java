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

/** 审批组织处置: the township office approves 劝其退党 or 除名, or returns it to the branch. */
@Component
class ApproveDispositionStep implements ReviewStep {

    private final RatingRecords ratings;
    private final ReviewCycleRepository cycles;

    ApproveDispositionStep(RatingRecords ratings, ReviewCycleRepository cycles) {
        this.ratings = ratings;
        this.cycles = cycles;
    }

    @Override
    public String taskId() {
        return "approveDisposition";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        String memberId = (String) context.processVariable(ReviewVariables.MEMBER_ID);
        RatingRecords.Disposition d = ratings.disposition(context.cycleId(), memberId).orElseThrow();
        var member = context.member(memberId);
        return new FormValues()
                .put("dispositionSummary", (member == null ? memberId : member.name()) + "：支部决定"
                        + Disposition.valueOf(d.disposition()).label() + "（" + d.decidedOn() + "）\n教育转化措施："
                        + d.educationPlan())
                .put("dispositionDecision", null)
                .put("dispositionReturnReason", null)
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        String memberId = (String) context.processVariable(ReviewVariables.MEMBER_ID);
        Decision decision = form.choice("dispositionDecision", "审批意见", Decision.class, true);
        String reason = form.text("dispositionReturnReason", "退回原因", 2000, decision == Decision.RETURN);
        form.rejectIfProblems();
        boolean approved = decision == Decision.APPROVE;
        cycles.recordDecision(context.cycleId(), DecideDispositionStep.subject(memberId), approved,
                approved ? null : reason, context.userId(), context.now());
        ratings.approveDisposition(context.cycleId(), memberId, approved);
        context.decide(ReviewVariables.DISPOSITION_APPROVED, approved);
    }
}
