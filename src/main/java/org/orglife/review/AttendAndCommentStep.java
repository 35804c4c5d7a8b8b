package org.orglife.review;

import java.util.Map;

import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.StepContext;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.springframework.stereotype.Component;

/** 列席指导并点评: the liaison cadre or area chief attends the meetings and comments. */
@Component
class AttendAndCommentStep implements ReviewStep {

    private final CycleRecords records;

    AttendAndCommentStep(CycleRecords records) {
        this.records = records;
    }

    @Override
    public String taskId() {
        return "attendAndComment";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        return new FormValues()
                .put("attendedCommitteeMeeting", false)
                .put("attendedMembersMeeting", false)
                .put("liaisonComment", null)
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        boolean committee = form.bool("attendedCommitteeMeeting");
        boolean members = form.bool("attendedMembersMeeting");
        String comment = form.text("liaisonComment", "点评意见", 4000, true);
        if (!committee && !members) {
            form.problem("请勾选列席了哪次会议（包村干部、片长须列席所包支部的会议）");
        }
        form.rejectIfProblems();
        records.saveLiaisonComment(context.cycleId(), committee, members, comment, context.userId(), context.now());
    }
}
