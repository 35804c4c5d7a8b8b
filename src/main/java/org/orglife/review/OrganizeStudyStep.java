package org.orglife.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.CycleRecords.StudyAbsence;
import org.orglife.cycle.MemberList;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.StepContext;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.springframework.stereotype.Component;

/**
 * 集中学习研讨 (notice 二.1): the study session; every absent member gets the materials delivered
 * (送学) or a reason why not.
 */
@Component
class OrganizeStudyStep implements ReviewStep {

    private final CycleRecords records;

    OrganizeStudyStep(CycleRecords records) {
        this.records = records;
    }

    @Override
    public String taskId() {
        return "organizeStudy";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        return new FormValues()
                .put("studyHeldOn", null)
                .put("studyTopics", records.workPlan(context.cycleId()).map(CycleRecords.WorkPlan::studyTopics).orElse(null))
                .list("studyAttendance", context.members().stream()
                        .map(m -> FormValues.item("memberId", m.id(), "name", m.name(), "present", true,
                                "absenceReason", null, "materialsDelivered", false, "notDeliveredReason", null))
                        .toList())
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        LocalDate heldOn = form.date("studyHeldOn", "学习日期", true);
        context.checkInReviewYears(form, "学习日期", heldOn);
        String topics = form.text("studyTopics", "学习内容", 4000, true);
        List<StudyAbsence> absences = new ArrayList<>();
        int attended = 0;
        for (FormData item : MemberList.items(form, "studyAttendance", "参加学习情况", context)) {
            if (item.bool("present")) {
                attended++;
                continue;
            }
            String reason = item.text("absenceReason", "未参加原因", 500, true);
            boolean delivered = item.bool("materialsDelivered");
            String notDelivered = item.text("notDeliveredReason", "未送学原因", 500, false);
            if (!delivered && notDelivered == null) {
                item.problem("未参加学习，须送学（勾选“已送学”）或填写未送学原因");
            }
            absences.add(new StudyAbsence(item.text("memberId"), reason, delivered, notDelivered));
        }
        form.rejectIfProblems();
        records.saveStudy(context.cycleId(), heldOn, topics, attended, absences, context.userId());
    }
}
