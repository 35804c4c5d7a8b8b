package org.orglife.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepContext;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.springframework.stereotype.Component;

/** 公示意见处理: what party members and the public said about the published list, and how it was handled. */
@Component
class RecordPublicityFeedbackStep implements ReviewStep {

    private final RectificationRecords rectification;

    RecordPublicityFeedbackStep(RectificationRecords rectification) {
        this.rectification = rectification;
    }

    @Override
    public String taskId() {
        return "recordPublicityFeedback";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        Date end = (Date) context.processVariable(ReviewVariables.PUBLICITY_ENDS_AT);
        String endsOn = end == null ? "" : end.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()
                .minusDays(1).toString();
        return new FormValues().put("publicityEndsOn", endsOn).list("publicityFeedback", List.of()).toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        List<RectificationRecords.Feedback> feedback = new ArrayList<>();
        for (FormData item : form.list("publicityFeedback", "公示期间收到的意见", i -> null)) {
            LocalDate receivedOn = item.date("receivedOn", "收到日期", false);
            String content = item.text("content", "反映的意见", 4000, receivedOn != null || item.has("handling"));
            String handling = item.text("handling", "处理情况", 4000, false);
            if (content != null) {
                feedback.add(new RectificationRecords.Feedback(receivedOn, content, handling));
            }
        }
        form.rejectIfProblems();
        rectification.saveFeedback(context.cycleId(), feedback);
    }
}
