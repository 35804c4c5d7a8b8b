package org.orglife.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.orglife.engine.EngineQueries;
import org.orglife.rating.Grade;
import org.orglife.rating.RatingRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Moves some demo branches ahead through the same forms a secretary fills, so the demo shows every
 * stage at once: DDG-01 is rating, DDG-02 planning its rectification, DDG-03 holding its meetings,
 * DDG-04 waiting for the office to review its plan, DDG-05 preparing. It acts on a branch only while
 * that branch's cycle stands at the step it would submit next, so it is idempotent and stops by itself.
 */
@Component
@ConditionalOnProperty(name = "orglife.demo.campaign", havingValue = "true")
class DemoProgress {

    private static final Logger log = LoggerFactory.getLogger(DemoProgress.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How far each demo branch goes: it stops when this step is open. */
    static final Map<String, String> TARGETS = Map.of(
            "DDG-01", "rateMembers",
            "DDG-02", "planRectification",
            "DDG-03", "holdMembersMeeting",
            "DDG-04", "reviewWorkPlan",
            "DDG-05", "organizeStudy");

    private final TaskService tasks;
    private final FormService forms;

    DemoProgress(TaskService tasks, FormService forms) {
        this.tasks = tasks;
        this.forms = forms;
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    public void advance() {
        TARGETS.forEach((branch, target) -> {
            for (int step = 0; step < 20; step++) {
                List<Task> open = EngineQueries.all(tasks.createTaskQuery()
                        .processInstanceBusinessKey(DemoCampaign.YEAR + "-" + branch));
                if (open.isEmpty() || open.stream().anyMatch(t -> t.getTaskDefinitionKey().equals(target))) {
                    return;
                }
                Task next = open.get(0);
                try {
                    forms.submitTaskForm(next.getId(), submission(next));
                } catch (RuntimeException e) {
                    log.warn("demo could not complete {} of {}: {}", next.getTaskDefinitionKey(), branch, e.getMessage());
                    return;
                }
            }
        });
    }

    private Map<String, Object> submission(Task task) {
        String id = task.getId();
        Map<String, Object> v = new HashMap<>();
        switch (task.getTaskDefinitionKey()) {
            case "draftWorkPlan" -> {
                v.put("committeeMeetingOn", "2022-02-24");
                v.put("membersMeetingOn", "2022-02-25");
                v.put("venue", "党员活动室");
                v.put("studyTopics", "学习习近平总书记“七一”重要讲话精神和党的十九届六中全会精神");
                v.put("membersMeetingForm", "WHOLE");
                v.put("absenteeArrangements", "外出党员通过电话参加，会后送学");
            }
            case "reviewWorkPlan" -> v.put("planDecision", "APPROVE");
            case "organizeStudy" -> {
                v.put("studyHeldOn", "2022-02-23");
                v.put("studyTopics", "党的十九届六中全会精神、《中国共产党组织工作条例》");
                v.put("studyAttendance", list(id, "studyAttendance"));
            }
            case "solicitOpinions" -> {
                v.put("opinions", json(List.of(Map.of("source", "群众座谈会", "content", "希望党员在人居环境整治中多带头"))));
                v.put("talksCommitteeCommittee", 3);
                v.put("talksCommitteeMember", 12);
                v.put("talksMemberMember", 20);
                List<Map<String, Object>> hearings = list(id, "hearings");
                hearings.forEach(h -> h.put("heard", true));
                v.put("hearings", json(hearings));
            }
            case "examineProblems" -> {
                v.put("committeeProblems", json(List.of(
                        Map.of("category", "政治功能", "description", "理论学习不够系统，学用结合不紧", "foundBy", "SELF"),
                        Map.of("category", "组织力", "description", "联系服务群众的办法不多", "foundBy", "MASSES"))));
                v.put("memberProblemCount", 30);
            }
            case "holdCommitteeMeeting" -> {
                v.put("committeeHeldOn", "2022-02-24");
                v.put("committeeAttendees", "支部委员会全体委员");
                v.put("committeeMode", "FACE_TO_FACE");
            }
            case "attendAndComment" -> {
                v.put("attendedCommitteeMeeting", true);
                v.put("attendedMembersMeeting", true);
                v.put("liaisonComment", "会前准备充分，批评和自我批评开诚布公");
            }
            case "holdMembersMeeting" -> {
                List<Map<String, Object>> attendance = list(id, "attendance");
                attendance.forEach(a -> {
                    if (a.get("attendance") == null) {
                        a.put("attendance", "REMOTE");
                        a.put("channel", "PHONE");
                        a.put("remoteReason", "FLOATING");
                    }
                });
                int voters = (int) attendance.size();
                List<Map<String, Object>> tallies = list(id, "tallies");
                for (int i = 0; i < tallies.size(); i++) {
                    int excellent = (i * 7) % Math.max(voters / 2, 1);
                    tallies.get(i).put("excellent", Math.max(0, Math.min(excellent, voters / 2)));
                    tallies.get(i).put("qualified", Math.max(0, voters / 3));
                }
                v.put("membersHeldOn", "2022-02-25");
                v.put("membersMeetingForm", "WHOLE");
                v.put("attendance", json(attendance));
                v.put("committeeAppraisal", "党员对支部委员会工作总体满意");
                v.put("tallies", json(tallies));
            }
            case "rateMembers" -> {
                // the secretary confirms the appraisal's suggestions (a member without tallies 合格), writes a
                // basis where the rules ask for one, and ticks 全部已反馈本人
                List<Map<String, Object>> ratings = list(id, "ratings");
                for (Map<String, Object> r : ratings) {
                    Grade grade = r.get("grade") == null ? Grade.QUALIFIED : Grade.valueOf(r.get("grade").toString());
                    Grade suggested = r.get("suggestedGrade") == null ? null
                            : Grade.valueOf(r.get("suggestedGrade").toString());
                    r.put("grade", grade.name());
                    if (RatingRules.basisNeeded(grade, suggested)) {
                        r.put("basis", "日常表现一般，测评结果" + r.get("tallySummary"));
                    }
                }
                v.put("allFeedbackGiven", true);
                v.put("ratings", json(ratings));
            }
            default -> throw new IllegalStateException("the demo does not fill " + task.getTaskDefinitionKey());
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String taskId, String variable) {
        try {
            return new ArrayList<>(JSON.readValue(forms.getTaskFormVariables(taskId).get(variable).toString(), List.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
