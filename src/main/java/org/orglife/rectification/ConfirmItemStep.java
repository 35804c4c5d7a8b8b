package org.orglife.rectification;

import java.time.LocalDate;
import java.util.List;
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
 * 确认销号: the branch's liaison cadre confirms an item marked done, or returns it with a reason; the
 * secretary then works on it again.
 */
@Component
class ConfirmItemStep implements ReviewStep {

    enum Decision { CONFIRM, RETURN }

    private final RectificationProgress progress;
    private final FollowUpRecords records;
    private final AuditTrail audit;
    private final WorkingDayCalendar calendar;
    private final ItemAttachments attachments;

    ConfirmItemStep(RectificationProgress progress, FollowUpRecords records, AuditTrail audit,
            WorkingDayCalendar calendar, ItemAttachments attachments) {
        this.attachments = attachments;
        this.progress = progress;
        this.records = records;
        this.audit = audit;
        this.calendar = calendar;
    }

    @Override
    public String taskId() {
        return "confirmItem";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        RectificationProgress.Item item = MarkItemDoneStep.item(context, progress);
        return new FormValues()
                .put("itemSummary", MarkItemDoneStep.summary(item))
                .put("doneReport", item.doneOn() == null ? null
                        : item.doneOn() + " 由" + who(context, item.doneBy()) + "销号：" + item.doneNote()
                                + attached(context.cycleId(), item.seq()))
                .put("confirmDecision", null)
                .put("confirmReturnReason", null)
                .toMap();
    }

    /** "（附材料 2 个，见整改销号情况页面）", or nothing. */
    private String attached(String cycleId, int seq) {
        int count = attachments.byItem(cycleId).getOrDefault(seq, List.of()).size();
        return count == 0 ? "" : "\n（附材料 " + count + " 个，见“整改销号情况”页面）";
    }

    /** The branch's secretary by name (支部书记王建新), anyone else by account. */
    private static String who(StepContext context, String userId) {
        var secretary = context.branch().secretary();
        return secretary != null && secretary.userId().equals(userId) ? "支部书记" + secretary.name() : " " + userId + " ";
    }

    @Override
    public void complete(StepContext context, FormData form) {
        RectificationProgress.Item item = MarkItemDoneStep.item(context, progress);
        Decision decision = form.choice("confirmDecision", "确认意见", Decision.class, true);
        String reason = form.text("confirmReturnReason", "退回原因", RectificationFollowUps.REASON_LENGTH,
                decision == Decision.RETURN);
        if (item.state() != RectificationItemState.MARKED) {
            form.problem("第 " + item.seq() + " 项不在待确认状态");
        }
        form.rejectIfProblems();
        int seq = item.seq();
        boolean confirmed = decision == Decision.CONFIRM;
        boolean written = confirmed
                ? records.confirm(context.cycleId(), seq, LocalDate.ofInstant(context.now(), calendar.zone()),
                        context.userId())
                : records.returnToBranch(context.cycleId(), seq, reason);
        if (!written) {
            throw new SubmissionRejectedException(List.of("第 " + seq + " 项刚被他人处理，请刷新后再试"));
        }
        audit.append(context.cycleId(), RectificationFollowUps.AUDIT_STEP, confirmed ? "确认销号" : "退回销号",
                confirmed ? "第 " + seq + " 项" : "第 " + seq + " 项：" + reason, context.userId(), context.now());
        context.decideForItem(RectificationFollowUps.ITEM_CONFIRMED, confirmed);
    }
}
