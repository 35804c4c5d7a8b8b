package org.orglife.rectification;

import java.util.Map;
import java.util.stream.Collectors;

import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepContext;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.rating.Grade;
import org.orglife.rating.RatingRecords;
import org.springframework.stereotype.Component;

/**
 * 审核备案 (notice 二.6): the township office files the rectification list and the appraisal results,
 * or returns a perfunctory list (整改敷衍应付) with its criticism.
 */
@Component
class ReviewFilingStep implements ReviewStep {

    enum FilingDecision { ACCEPT, RETURN }

    private final RectificationRecords rectification;
    private final RatingRecords ratings;
    private final ReviewCycleRepository cycles;

    ReviewFilingStep(RectificationRecords rectification, RatingRecords ratings, ReviewCycleRepository cycles) {
        this.rectification = rectification;
        this.ratings = ratings;
        this.cycles = cycles;
    }

    @Override
    public String taskId() {
        return "reviewFiling";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        String items = rectification.items(context.cycleId()).stream()
                .map(i -> i.seq() + ". " + i.problem() + "\n   措施：" + i.measure() + "；时限：" + i.deadline() + "；责任人："
                        + i.responsible())
                .collect(Collectors.joining("\n"));
        Map<Grade, Long> grades = ratings.ratings(context.cycleId()).stream()
                .collect(Collectors.groupingBy(RatingRecords.Rating::grade, () -> new java.util.EnumMap<>(Grade.class),
                        Collectors.counting()));
        String results = java.util.Arrays.stream(Grade.values())
                .map(g -> g.label() + " " + grades.getOrDefault(g, 0L) + " 名").collect(Collectors.joining("，"));
        return new FormValues()
                .put("filingSummary", "整改清单：\n" + items + "\n\n民主评议结果：" + results)
                .put("filingDecision", null)
                .put("filingCriticism", null)
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        FilingDecision decision = form.choice("filingDecision", "审核意见", FilingDecision.class, true);
        String criticism = form.text("filingCriticism", "批评意见", 4000, decision == FilingDecision.RETURN);
        form.rejectIfProblems();
        boolean accepted = decision == FilingDecision.ACCEPT;
        cycles.recordDecision(context.cycleId(), PlanRectificationStep.FILING_SUBJECT, accepted,
                accepted ? null : criticism, context.userId(), context.now());
        context.decide(ReviewVariables.FILING_ACCEPTED, accepted);
    }
}
