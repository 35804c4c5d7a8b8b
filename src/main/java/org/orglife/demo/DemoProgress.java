package org.orglife.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.engine.EngineContext;
import org.orglife.engine.EngineQueries;
import org.orglife.rating.Grade;
import org.orglife.rating.RatingRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Moves some demo branches ahead through the same forms a secretary fills, so the demo shows every
 * stage at once: DDG-01 is rating, DDG-02 planning its rectification, DDG-03 holding its meetings,
 * DDG-04 waiting for the office to review its plan, DDG-05 preparing. Each step is submitted with the
 * engine's clock set to the day before it was due (or, for the steps due from today on, a little
 * before today), so that the history reads as work done on time.
 */
@Component
@ConditionalOnProperty(name = "orglife.demo.campaign", havingValue = "true")
class DemoProgress {

    private static final Logger log = LoggerFactory.getLogger(DemoProgress.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How far each demo branch goes: it stops when this step is open. */
    static final Map<String, String> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("DDG-01", "rateMembers");
        TARGETS.put("DDG-02", "planRectification");
        TARGETS.put("DDG-03", "holdMembersMeeting");
        TARGETS.put("DDG-04", "reviewWorkPlan");
        TARGETS.put("DDG-05", "organizeStudy");
        TARGETS.put("NCZ-01", "reviewWorkPlan");
    }

    private final TaskService tasks;
    private final FormService forms;
    private final ManagementService jobs;
    private final WorkingDayCalendar calendar;

    DemoProgress(TaskService tasks, FormService forms, ManagementService jobs, WorkingDayCalendar calendar) {
        this.tasks = tasks;
        this.forms = forms;
        this.jobs = jobs;
        this.calendar = calendar;
    }

    /** Moves each branch of {@link #TARGETS} to its step, as if on time; {@code now} is the real time. */
    void advance(DemoDates dates, Instant now) {
        Instant latest = now.minus(Duration.ofHours(2));
        for (Map.Entry<String, String> target : TARGETS.entrySet()) {
            advance(dates, target.getKey(), target.getValue(), latest);
        }
    }

    /**
     * Moves the branch's cycle of the dates' year until the target step is open (or nothing is), each step
     * done the day before it is due, but never after {@code latest}; the engine's clock is left there.
     */
    void advance(DemoDates dates, String branchCode, String target, Instant latest) {
        Instant at = dates.launchedAt(calendar.zone());
        for (int step = 0; step < 20; step++) {
            List<Task> open = EngineQueries.all(tasks.createTaskQuery()
                    .processInstanceBusinessKey(dates.year() + "-" + branchCode).orderByTaskCreateTime().asc());
            if (open.isEmpty() || open.stream().anyMatch(t -> t.getTaskDefinitionKey().equals(target))) {
                break;
            }
            Task next = open.get(0);
            Instant dayBefore = next.getDueDate() == null ? latest
                    : next.getDueDate().toInstant().minus(Duration.ofDays(1));
            at = later(at.plus(Duration.ofMinutes(10)), earlier(dayBefore, latest));
            EngineContext.backdateTo(at);
            try {
                forms.submitTaskForm(next.getId(), submission(next, dates, at.atZone(calendar.zone()).toLocalDate()));
            } catch (RuntimeException e) {
                log.warn("demo could not complete {} of {}: {}", next.getTaskDefinitionKey(), branchCode,
                        e.getMessage());
                break;
            }
            runDueJobs();
        }
    }

    /**
     * The cycle's publicity period passes without feedback: the clock moves to its end, and its timer ends
     * it (the township's filing review opens).
     */
    void passPublicity(String businessKey) {
        String instance = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey("recordPublicityFeedback").singleResult().getProcessInstanceId();
        Job timer = jobs.createJobQuery().processInstanceId(instance).timers().singleResult();
        EngineContext.backdateTo(timer.getDuedate().toInstant().plus(Duration.ofMinutes(5)));
        runDueJobs();
    }

    /** Runs the jobs that are due by the engine's clock, as the job executor would, until none is left. */
    void runDueJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> due = jobs.createJobQuery().executable().listPage(0, 1000);
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    jobs.executeJob(job.getId());
                } catch (RuntimeException e) {
                    log.warn("demo: job {} failed: {}", job.getId(), e.getMessage());
                    return;
                }
            }
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Map<String, Object> submission(Task task, DemoDates dates, LocalDate today) {
        String id = task.getId();
        Map<String, Object> v = new HashMap<>();
        switch (task.getTaskDefinitionKey()) {
            case "draftWorkPlan" -> {
                v.put("committeeMeetingOn", dates.committeePlannedOn().toString());
                v.put("membersMeetingOn", dates.membersPlannedOn().toString());
                v.put("venue", "党员活动室");
                v.put("studyTopics", "学习习近平新时代中国特色社会主义思想，学习党章党规");
                v.put("membersMeetingForm", "WHOLE");
                v.put("absenteeArrangements", "外出党员通过电话参加，会后送学");
            }
            case "reviewWorkPlan" -> v.put("planDecision", "APPROVE");
            case "organizeStudy" -> {
                v.put("studyHeldOn", today.toString());
                v.put("studyTopics", "习近平新时代中国特色社会主义思想、《中国共产党组织工作条例》");
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
                v.put("committeeHeldOn", today.toString());
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
                v.put("membersHeldOn", today.toString());
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
            case "planRectification" -> {
                // every problem of the committee's list with its measure, one item of the branch's own, and
                // each member's commitment
                int next = dates.year() + 1;
                List<Map<String, Object>> items = list(id, "rectificationItems");
                List<String> measures = List.of("每月第一个周五集中学习，书记领学，学后交流", "每名支委联系十户群众，每季度走访一次");
                List<String> deadlines = List.of(next + "-05-29", next + "-06-30");
                for (int i = 0; i < items.size(); i++) {
                    items.get(i).put("measure", measures.get(i % measures.size()));
                    items.get(i).put("deadline", deadlines.get(i % deadlines.size()));
                    items.get(i).put("responsible", i == 0 ? "支部书记" : "组织委员");
                }
                Map<String, Object> own = new HashMap<>();
                own.put("problem", "三会一课台账记录不规范");
                own.put("measure", "按月整理会议记录，建立电子台账");
                own.put("deadline", next + "-04-30");
                own.put("responsible", "宣传委员");
                items.add(own);
                List<String> promises = List.of("带头参加集中学习，每月写一篇学习心得", "帮扶一户困难群众",
                        "在人居环境整治中带头清理房前屋后", "按时足额交纳党费，参加主题党日");
                List<Map<String, Object>> commitments = list(id, "commitments");
                for (int i = 0; i < commitments.size(); i++) {
                    commitments.get(i).put("commitment", promises.get(i % promises.size()));
                }
                v.put("rectificationItems", json(items));
                v.put("commitments", json(commitments));
            }
            case "reviewFiling" -> v.put("filingDecision", "ACCEPT");
            case "submitStatistics" -> {
                // the counts as the form offers them, confirmed
                forms.getTaskFormVariables(id).forEach((name, value) -> {
                    if (value instanceof Number) {
                        v.put(name, value);
                    }
                });
                v.put("meetingHeld", true);
                v.put("statisticsConfirmed", true);
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
