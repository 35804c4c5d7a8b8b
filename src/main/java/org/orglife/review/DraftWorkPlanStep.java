package org.orglife.review;

import java.time.LocalDate;
import java.util.Map;

import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.CycleRecords.WorkPlan;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.StepContext;
import org.orglife.form.Choices.MeetingForm;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.springframework.stereotype.Component;

/** 制定工作方案: the branch plans its meetings and study; a returned plan comes back with the reason. */
@Component
class DraftWorkPlanStep implements ReviewStep {

    static final String SUBJECT = "WORK_PLAN";

    private final CycleRecords records;
    private final ReviewCycleRepository cycles;

    DraftWorkPlanStep(CycleRecords records, ReviewCycleRepository cycles) {
        this.records = records;
        this.cycles = cycles;
    }

    @Override
    public String taskId() {
        return "draftWorkPlan";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        WorkPlan plan = records.workPlan(context.cycleId()).orElse(null);
        return new FormValues()
                .put("planReturnReason", cycles.lastReturnReason(context.cycleId(), SUBJECT))
                .put("committeeMeetingOn", plan == null ? null : plan.committeeMeetingOn().toString())
                .put("membersMeetingOn", plan == null ? null : plan.membersMeetingOn().toString())
                .put("venue", plan == null ? null : plan.venue())
                .put("studyTopics", plan == null ? null : plan.studyTopics())
                .put("membersMeetingForm", plan == null ? MeetingForm.WHOLE.name() : plan.membersMeetingForm().name())
                .put("absenteeArrangements", plan == null ? null : plan.absenteeArrangements())
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        LocalDate committeeOn = form.date("committeeMeetingOn", "支部委员会会议日期", true);
        LocalDate membersOn = form.date("membersMeetingOn", "党员大会日期", true);
        String venue = form.text("venue", "会议地点", 200, true);
        String topics = form.text("studyTopics", "学习研讨内容", 4000, true);
        MeetingForm meetingForm = form.choice("membersMeetingForm", "党员大会召开形式", MeetingForm.class, true);
        String arrangements = form.text("absenteeArrangements", "不能参会党员的安排", 4000, false);
        context.checkInReviewYears(form, "支部委员会会议日期", committeeOn);
        context.checkInReviewYears(form, "党员大会日期", membersOn);
        if (meetingForm == MeetingForm.BY_GROUP && context.members().stream().allMatch(m -> m.partyGroup() == null)) {
            form.problem("本支部没有设立党小组，党员大会不能分党小组召开");
        }
        form.rejectIfProblems();
        records.saveWorkPlan(context.cycleId(),
                new WorkPlan(committeeOn, membersOn, venue, topics, meetingForm, arrangements),
                context.userId(), context.now());
    }
}
