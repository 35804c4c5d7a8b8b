package org.orglife.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;
import org.orglife.statistics.BranchStatistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a diligent branch secretary, township office, liaison cadre and supervisor type into each form
 * of the year, starting from the form's pre-filled variables as Tasklist shows them. {@link #values}
 * gives the plain values (lists as lists of maps) for a client of the engine's REST API, {@link #fill}
 * the same with lists as Json variables, exactly as Tasklist submits them (see
 * BranchAnnualReviewScenarioTest for the same path). The happy path: the plan and the filing are
 * accepted, every formal member is rated 合格, guests and members floating elsewhere get an opinion
 * (R5), nobody is unqualified; spot checks, supervision and the township summary are done and approved.
 */
public final class CycleForms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CycleForms() {
    }

    /** The submission for a task, from the values its form opens with; null for a task the bench does not know. */
    static Map<String, Object> fill(String taskKey, Map<String, Object> prefilled, int year) {
        Map<String, Object> values = values(taskKey, prefilled, year);
        return values == null ? null : json(values);
    }

    /**
     * The submission for a task as plain values, lists as lists of maps; {@code prefilled} holds the
     * form's variables (as the form-variables read serves them), a list as Json, as JSON text or as a
     * list. Null for a task it does not know.
     */
    public static Map<String, Object> values(String taskKey, Map<String, ?> prefilled, int year) {
        String next = String.valueOf(year + 1);
        Map<String, Object> v = new LinkedHashMap<>();
        switch (taskKey) {
            case "draftWorkPlan" -> {
                v.put("committeeMeetingOn", next + "-02-18");
                v.put("membersMeetingOn", next + "-02-20");
                v.put("venue", "村委会会议室");
                v.put("studyTopics", "学习党的二十届三中全会精神");
                v.put("membersMeetingForm", "WHOLE");
            }
            case "reviewWorkPlan" -> v.put("planDecision", "APPROVE");
            case "organizeStudy" -> {
                v.put("studyHeldOn", next + "-02-10");
                v.put("studyTopics", "学习党的二十届三中全会精神");
                List<Map<String, Object>> attendance = list(prefilled, "studyAttendance");
                if (!attendance.isEmpty()) {
                    attendance.get(attendance.size() - 1).put("present", false);
                    attendance.get(attendance.size() - 1).put("absenceReason", "外出务工");
                    attendance.get(attendance.size() - 1).put("materialsDelivered", true);
                }
                v.put("studyAttendance", attendance);
            }
            case "solicitOpinions" -> {
                List<Map<String, Object>> hearings = list(prefilled, "hearings");
                hearings.forEach(h -> h.put("heard", true));
                v.put("opinions", List.of(Map.of("source", "群众座谈", "content", "希望支部多组织志愿服务")));
                v.put("talksCommitteeCommittee", 3);
                v.put("talksCommitteeMember", 10);
                v.put("talksMemberMember", 8);
                v.put("hearings", hearings);
            }
            case "examineProblems" -> {
                v.put("committeeProblems", List.of(
                        Map.of("category", "政治功能", "description", "理论学习不够系统", "foundBy", "SELF"),
                        Map.of("category", "组织力", "description", "发挥党员作用的载体不多", "foundBy", "MASSES")));
                v.put("memberProblemCount", 12);
            }
            case "holdCommitteeMeeting" -> {
                v.put("committeeHeldOn", next + "-02-18");
                v.put("committeeAttendees", "支部委员会全体委员");
                v.put("committeeMode", "FACE_TO_FACE");
            }
            case "holdMembersMeeting" -> {
                List<Map<String, Object>> attendance = list(prefilled, "attendance");
                for (Map<String, Object> a : attendance) {
                    if (a.get("attendance") == null) {
                        a.put("attendance", "REMOTE");
                        a.put("channel", "VIDEO");
                    }
                }
                List<Map<String, Object>> tallies = list(prefilled, "tallies");
                tallies.forEach(t -> t.put("qualified", 1));
                v.put("membersHeldOn", next + "-02-20");
                v.put("membersMeetingForm", "WHOLE");
                v.put("attendance", attendance);
                v.put("committeeAppraisal", "对支部委员会的工作总体满意");
                v.put("tallies", tallies);
            }
            case "attendAndComment" -> {
                v.put("attendedCommitteeMeeting", true);
                v.put("attendedMembersMeeting", true);
                v.put("liaisonComment", "会议准备充分，批评和自我批评开展得较好");
            }
            case "rateMembers" -> {
                List<Map<String, Object>> ratings = list(prefilled, "ratings");
                for (Map<String, Object> r : ratings) {
                    r.put("grade", "QUALIFIED");
                    r.put("basis", "日常表现和测评结果");
                    r.put("feedbackGiven", true);
                }
                List<Map<String, Object>> guests = list(prefilled, "guests");
                guests.forEach(g -> {
                    g.put("opinion", "在流入地表现良好");
                    g.put("suggestedGrade", "QUALIFIED");
                });
                List<Map<String, Object>> outside = list(prefilled, "outsideOpinions");
                outside.forEach(o -> o.put("opinion", "流入地党组织评价：合格"));
                v.put("ratings", ratings);
                v.put("guests", guests);
                v.put("outsideOpinions", outside);
            }
            case "planRectification" -> {
                List<Map<String, Object>> items = new ArrayList<>();
                for (Map<String, Object> item : list(prefilled, "rectificationItems")) {
                    Map<String, Object> copy = new HashMap<>(item);
                    copy.put("measure", "每月开展一次专题学习");
                    copy.put("deadline", next + "-06-30");
                    copy.put("responsible", "支部书记");
                    items.add(copy);
                }
                List<Map<String, Object>> commitments = list(prefilled, "commitments");
                commitments.forEach(c -> c.put("commitment", "带头学习，按时参加组织生活"));
                v.put("rectificationItems", items);
                v.put("commitments", commitments);
            }
            case "recordPublicityFeedback" -> v.put("publicityFeedback", List.of());
            case "reviewFiling" -> v.put("filingDecision", "ACCEPT");
            case "submitStatistics" -> {
                BranchStatistics.COLUMNS.keySet().forEach(key -> v.put(key, prefilled.get(key)));
                v.put("meetingHeld", true);
                v.put("statisticsConfirmed", true);
            }
            case "conductSpotCheck" -> {
                v.put("spotCheckMode", "ATTENDED_MEETING");
                v.put("spotCheckFindings", "直接参加党员大会，会议程序规范，批评和自我批评开展较好");
            }
            case "superviseOverdueStep" -> v.put("supervisorAction", "已电话督促支部书记，限两个工作日内办结");
            case "approveTownshipSummary" -> {
                v.put("summaryComment", "同意上报");
                v.put("summaryApproved", true);
            }
            default -> {
                return null;
            }
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, ?> prefilled, String name) {
        Object value = prefilled.get(name);
        if (value == null) {
            return new ArrayList<>();
        }
        try {
            String text = value instanceof List<?> ? JSON.writeValueAsString(value) : value.toString();
            return JSON.readValue(text, List.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form variable " + name + " is not a JSON list", e);
        }
    }

    private static Map<String, Object> json(Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((key, value) -> {
            try {
                variables.put(key, value instanceof List<?> ? SpinValues.jsonValue(JSON.writeValueAsString(value)).create()
                        : value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return variables;
    }
}
