package org.orglife.rectification;

import java.time.LocalDate;
import java.util.Map;

import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.AuditTrail;
import org.orglife.cycle.RectificationItemState;
import org.orglife.cycle.RectificationProgress;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.StepContext;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.form.SubmissionRejectedException;
import org.springframework.stereotype.Component;

/**
 * 整改销号: the secretary marks one item of the list done, with a short note of what was done. Nothing
 * else is asked (no forced paperwork); the liaison cadre confirms it next.
 */
@Component
class MarkItemDoneStep implements ReviewStep {

    static final int NOTE_LENGTH = 500;

    private final RectificationProgress progress;
    private final FollowUpRecords records;
    private final AuditTrail audit;
    private final WorkingDayCalendar calendar;

    MarkItemDoneStep(RectificationProgress progress, FollowUpRecords records, AuditTrail audit,
            WorkingDayCalendar calendar) {
        this.progress = progress;
        this.records = records;
        this.audit = audit;
        this.calendar = calendar;
    }

    @Override
    public String taskId() {
        return "markItemDone";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        RectificationProgress.Item item = item(context);
        return new FormValues()
                .put("itemSummary", summary(item))
                .put("reopenedReason", item.state() == RectificationItemState.OPEN ? item.reopenedReason() : null)
                .put("returnedReason", item.returnedReason())
                .put("doneNote", item.doneNote())
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        RectificationProgress.Item item = item(context);
        String note = form.text("doneNote", "整改完成情况", NOTE_LENGTH, true);
        if (item.state() != RectificationItemState.OPEN) {
            form.problem("第 " + item.seq() + " 项已销号，不能再次销号");
        }
        form.rejectIfProblems();
        LocalDate today = LocalDate.ofInstant(context.now(), calendar.zone());
        if (!records.markDone(context.cycleId(), item.seq(), note, today, context.userId())) {
            throw new SubmissionRejectedException(java.util.List.of("第 " + item.seq() + " 项刚被他人处理，请刷新后再试"));
        }
        audit.append(context.cycleId(), RectificationFollowUps.AUDIT_STEP, "销号", "第 " + item.seq() + " 项：" + note,
                context.userId(), context.now());
    }

    static RectificationProgress.Item item(StepContext context, RectificationProgress progress) {
        int seq = (Integer) context.processVariable(RectificationFollowUps.ITEM_SEQ);
        return progress.item(context.cycleId(), seq)
                .orElseThrow(() -> new IllegalStateException("no item " + seq + " of " + context.cycleId()));
    }

    private RectificationProgress.Item item(StepContext context) {
        return item(context, progress);
    }

    /** The item as both steps show it: the problem, the measure, the deadline and who is responsible. */
    static String summary(RectificationProgress.Item item) {
        String deadline = item.reopened() ? item.dueOn() + "（退回重新整改时确定）"
                : item.dueOn() == null || item.dueOn().equals(item.deadline()) ? item.deadline().toString()
                : item.deadline() + "（非工作日，顺延至 " + item.dueOn() + "）";
        return "第 " + item.seq() + " 项：" + item.problem() + "\n整改措施：" + item.measure() + "\n整改时限："
                + deadline + "\n责任人：" + item.responsible();
    }
}
