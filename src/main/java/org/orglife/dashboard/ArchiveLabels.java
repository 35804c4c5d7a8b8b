package org.orglife.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orglife.cycle.RectificationItemState;
import org.orglife.form.ChoiceLabels;

/**
 * The archive as tables with Chinese headings, each value in the words of the form it was chosen in
 * ({@link ChoiceLabels}); values are shown as text (escaped by the template).
 */
final class ArchiveLabels {

    static final Map<String, String> SECTIONS = sections();
    static final Map<String, String> FIELDS = fields();

    record Section(String title, List<String> columns, List<List<Object>> rows) {
    }

    /** The subjects of decisions and the kinds of meetings, named as a reader of the archive says them. */
    static final Map<String, String> WORDS = Map.ofEntries(Map.entry("WORK_PLAN", "工作方案"),
            Map.entry("EXCELLENT_EXCEPTION", "优秀比例例外"), Map.entry("FILING", "备案"),
            Map.entry("COMMITTEE", "支部委员会会议"), Map.entry("MEMBERS", "党员大会"), Map.entry("RUNNING", "进行中"),
            Map.entry("COMPLETED", "已完成"), Map.entry("OPEN", "测评进行中"), Map.entry("CLOSED", "测评已结束"),
            Map.entry("VOIDED", "测评已作废"), Map.entry("KEPT", "践诺"), Map.entry("PARTLY_KEPT", "部分践诺"),
            Map.entry("NOT_KEPT", "未践诺"));

    @SuppressWarnings("unchecked")
    static List<Section> sections(Map<String, Object> archive, ChoiceLabels choices) {
        List<Section> result = new ArrayList<>();
        SECTIONS.forEach((key, title) -> {
            Object data = archive.get(key);
            List<Map<String, Object>> rows = data == null ? List.of()
                    : data instanceof Collection<?> list ? new ArrayList<>((Collection<Map<String, Object>>) list)
                    : List.of((Map<String, Object>) data);
            List<String> columns = rows.isEmpty() ? List.of()
                    : rows.get(0).keySet().stream().map(c -> FIELDS.getOrDefault(c, c)).toList();
            result.add(new Section(title, columns, rows.stream().map(r -> List.copyOf(
                    r.entrySet().stream().map(e -> label(e.getKey(), e.getValue(), choices)).toList())).toList()));
        });
        return result;
    }

    /** A value as the archive shows it: a rectification item's state, a word of {@link #WORDS}, or a choice's label. */
    private static Object label(String column, Object value, ChoiceLabels choices) {
        if (value != null && column.equals("state")) {
            for (RectificationItemState state : RectificationItemState.values()) {
                if (state.name().equals(value.toString())) {
                    return state.label();
                }
            }
        }
        return value != null && WORDS.containsKey(value.toString()) ? WORDS.get(value.toString()) : choices.label(value);
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        String[][] pairs = {
            {"memberId", "党员编号"}, {"name", "姓名"}, {"committeeMeetingOn", "支委会日期"},
            {"membersMeetingOn", "党员大会日期"}, {"venue", "地点"}, {"studyTopics", "学习内容"},
            {"membersMeetingForm", "党员大会形式"}, {"absenteeArrangements", "不能参会党员的安排"},
            {"draftedBy", "制定人"}, {"draftedAt", "制定时间"}, {"subject", "事项"}, {"approved", "同意"},
            {"reason", "原因/意见"}, {"decidedBy", "审批人"}, {"decidedAt", "审批时间"}, {"heldOn", "日期"},
            {"topics", "内容"}, {"attended", "参加人数"}, {"recordedBy", "记录人"},
            {"materialsDelivered", "已送学"}, {"notDeliveredReason", "未送学原因"}, {"seq", "序号"},
            {"source", "来源"}, {"content", "内容"}, {"committeeCommittee", "支委之间"},
            {"committeeMember", "支委和党员"}, {"memberMember", "党员之间"}, {"heard", "已听取"},
            {"notHeardReason", "未听取原因"}, {"category", "类别"}, {"description", "描述"},
            {"foundBy", "查找方式"}, {"memberProblemCount", "党员查摆问题数"}, {"kind", "会议"}, {"mode", "方式"},
            {"remoteReason", "远程原因"}, {"form", "形式"}, {"attendees", "参会人员"},
            {"appraisalOfCommittee", "对支委会的评议"}, {"rectificationReport", "书记述职：整改落实情况"},
            {"attendance", "到会情况"}, {"channel", "远程方式"},
            {"absenceReason", "缺席原因"}, {"excellent", "优秀"}, {"qualified", "合格"},
            {"basicallyQualified", "基本合格"}, {"unqualified", "不合格"},
            {"attendedCommitteeMeeting", "列席支委会"}, {"attendedMembersMeeting", "列席党员大会"},
            {"comment", "点评"}, {"commentedBy", "点评人"}, {"commentedAt", "点评时间"}, {"grade", "等次"},
            {"basis", "评定依据"}, {"feedbackGiven", "已反馈本人"}, {"ratedBy", "评定人"}, {"ratedAt", "评定时间"},
            {"cap", "上限"}, {"fromBranch", "流入支部"}, {"fromOrg", "流入地组织"}, {"opinion", "意见"},
            {"suggestedGrade", "建议等次"}, {"deliveredAt", "送达时间"}, {"recordedAt", "记录时间"},
            {"problemSeq", "问题序号"}, {"problem", "问题"}, {"measure", "整改措施"}, {"deadline", "整改时限"},
            {"responsible", "责任人"}, {"done", "已完成"}, {"state", "销号状态"}, {"dueOn", "到期日"},
            {"doneNote", "整改完成情况"}, {"doneOn", "销号日期"}, {"doneBy", "销号人"}, {"returnedReason", "退回意见"},
            {"returnedCount", "退回次数"}, {"confirmedOn", "确认日期"}, {"confirmedBy", "确认人"},
            {"reopenedCount", "整改不到位次数"}, {"reopenedReason", "整改不到位原因"}, {"reopenedOn", "认定日期"},
            {"reopenedBy", "认定人"}, {"receivedOn", "收到日期"}, {"handling", "处理情况"},
            {"processInstanceId", "流程实例"}, {"educationPlan", "教育转化措施"}, {"disposition", "处置方式"},
            {"correctionDeadline", "改正期限"}, {"decidedOn", "决定日期"}, {"townshipApproved", "镇党委同意"},
            {"status", "状态"}, {"meetingHeld", "已召开"}, {"membersTotal", "党员总数"},
            {"formalMembers", "正式党员"}, {"probationaryMembers", "预备党员"}, {"remote", "远程参会"},
            {"absent", "缺席"}, {"floating", "流动党员"}, {"opinionsSolicited", "征求意见"},
            {"kept", "践诺情况"}, {"keptRecordedBy", "践诺记录人"}, {"keptRecordedAt", "践诺记录时间"},
            {"codesIssued", "票码数"}, {"codesCast", "已投票数"}, {"closesAt", "测评截止时间"},
            {"openedBy", "开启人"}, {"openedAt", "开启时间"}, {"endedBy", "结束或作废人"}, {"endedAt", "结束或作废时间"},
            {"voidReason", "作废原因"},
            {"heartTalks", "谈心谈话"}, {"problemsCommittee", "支委会问题"}, {"problemsMembers", "党员问题"},
            {"notGraded", "不定等次"}, {"excellentCap", "优秀上限"}, {"rectificationPlanned", "整改事项"},
            {"rectificationDone", "已整改"}, {"submittedBy", "报送人"}, {"submittedAt", "报送时间"},
            {"occurredAt", "时间"}, {"actor", "操作人"}, {"action", "操作"}, {"step", "步骤"}, {"detail", "内容"}};
        for (String[] pair : pairs) {
            f.put(pair[0], pair[1]);
        }
        return f;
    }

    private static Map<String, String> sections() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("workPlan", "工作方案");
        s.put("decisions", "镇党委审核、审批和备案意见");
        s.put("study", "集中学习研讨");
        s.put("studyAbsences", "未参加学习的党员及送学情况");
        s.put("opinions", "征求到的意见");
        s.put("heartTalks", "谈心谈话");
        s.put("hearings", "听取重点党员意见");
        s.put("problems", "支部委员会问题清单");
        s.put("problemExamination", "党员查摆问题");
        s.put("meetings", "会议");
        s.put("attendance", "党员大会到会情况");
        s.put("tallies", "民主测评票数");
        s.put("ballots", "在线民主测评");
        s.put("liaisonComment", "列席指导和点评");
        s.put("ratings", "评定等次");
        s.put("excellentException", "优秀比例超出的书面理由");
        s.put("floatingOpinions", "流动党员评议意见");
        s.put("rectificationItems", "整改清单");
        s.put("commitments", "党员整改承诺");
        s.put("publicityFeedback", "公示期间的意见");
        s.put("dispositions", "不合格党员组织处置");
        s.put("statistics", "统计表");
        s.put("audit", "操作记录（谁在何时填报、修改、评定）");
        return s;
    }

    private ArchiveLabels() {
    }
}
