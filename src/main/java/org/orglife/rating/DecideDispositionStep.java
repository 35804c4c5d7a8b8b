package org.orglife.rating;

import java.time.LocalDate;
import java.util.Map;

import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepContext;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.registry.Member;
import org.springframework.stereotype.Component;

/** 不合格党员组织处置: education first (立足教育转化), then the branch's disposition with its dates. */
@Component
class DecideDispositionStep implements ReviewStep {

    private final RatingRecords ratings;
    private final ReviewCycleRepository cycles;

    DecideDispositionStep(RatingRecords ratings, ReviewCycleRepository cycles) {
        this.ratings = ratings;
        this.cycles = cycles;
    }

    static String subject(String memberId) {
        return "DISPOSITION-" + memberId;
    }

    @Override
    public String taskId() {
        return "decideDisposition";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        String memberId = (String) context.processVariable(ReviewVariables.MEMBER_ID);
        Member member = context.member(memberId);
        RatingRecords.Disposition earlier = ratings.disposition(context.cycleId(), memberId).orElse(null);
        String basis = ratings.ratings(context.cycleId()).stream().filter(r -> r.memberId().equals(memberId))
                .map(RatingRecords.Rating::basis).filter(java.util.Objects::nonNull).findFirst().orElse("");
        return new FormValues()
                .put("memberSummary", (member == null ? memberId : member.name() + "（" + memberId + "）")
                        + " 被评定为不合格。\n评定依据：" + basis)
                .put("dispositionReturnReason", cycles.lastReturnReason(context.cycleId(), subject(memberId)))
                .put("educationPlan", earlier == null ? null : earlier.educationPlan())
                .put("disposition", earlier == null ? null : earlier.disposition())
                .put("correctionDeadline", earlier == null || earlier.correctionDeadline() == null ? null
                        : earlier.correctionDeadline().toString())
                .put("decidedOn", earlier == null || earlier.decidedOn() == null ? null : earlier.decidedOn().toString())
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        String memberId = (String) context.processVariable(ReviewVariables.MEMBER_ID);
        String plan = form.text("educationPlan", "教育转化措施", 4000, true);
        Disposition disposition = form.choice("disposition", "处置方式", Disposition.class, true);
        LocalDate deadline = form.date("correctionDeadline", "改正期限",
                disposition == Disposition.CORRECT_WITHIN_DEADLINE);
        LocalDate decidedOn = form.date("decidedOn", "支部决定日期", true);
        if (deadline != null && decidedOn != null && !deadline.isAfter(decidedOn)) {
            form.problem("改正期限须晚于支部决定日期");
        }
        form.rejectIfProblems();
        ratings.decideDisposition(context.cycleId(), memberId, plan, disposition.name(),
                disposition == Disposition.CORRECT_WITHIN_DEADLINE ? deadline : null, decidedOn);
        context.decide(ReviewVariables.DISPOSITION, disposition.name());
    }
}
