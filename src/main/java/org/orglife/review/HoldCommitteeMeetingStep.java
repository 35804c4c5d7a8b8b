package org.orglife.review;

import java.time.LocalDate;
import java.util.Map;

import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.CycleRecords.Meeting;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.StepContext;
import org.orglife.form.Choices.MeetingMode;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.springframework.stereotype.Component;

/** 召开支部委员会会议（批评和自我批评）: face to face unless a reason for a remote meeting is recorded. */
@Component
class HoldCommitteeMeetingStep implements ReviewStep {

    private final CycleRecords records;

    HoldCommitteeMeetingStep(CycleRecords records) {
        this.records = records;
    }

    @Override
    public String taskId() {
        return "holdCommitteeMeeting";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        return new FormValues()
                .put("committeeHeldOn", records.workPlan(context.cycleId())
                        .map(p -> p.committeeMeetingOn().toString()).orElse(null))
                .put("committeeAttendees", null)
                .put("committeeMode", MeetingMode.FACE_TO_FACE.name())
                .put("committeeRemoteReason", null)
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        LocalDate heldOn = form.date("committeeHeldOn", "会议日期", true);
        context.checkInReviewYears(form, "会议日期", heldOn);
        String attendees = form.text("committeeAttendees", "参会支委", 2000, true);
        MeetingMode mode = form.choice("committeeMode", "召开方式", MeetingMode.class, true);
        String remoteReason = form.text("committeeRemoteReason", "远程召开的原因", 1000, mode == MeetingMode.REMOTE);
        form.rejectIfProblems();
        records.saveMeeting(context.cycleId(), new Meeting(CycleRecords.COMMITTEE, heldOn, mode,
                mode == MeetingMode.REMOTE ? remoteReason : null, null, attendees, null, null));
    }
}
