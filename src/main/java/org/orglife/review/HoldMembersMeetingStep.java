package org.orglife.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.orglife.ballot.Ballot;
import org.orglife.ballot.BallotAttendance;
import org.orglife.ballot.BallotStatus;
import org.orglife.ballot.BallotTally;
import org.orglife.ballot.Ballots;
import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.CycleRecords.AttendanceRecord;
import org.orglife.cycle.CycleRecords.Meeting;
import org.orglife.cycle.CycleRecords.Tally;
import org.orglife.cycle.MemberList;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.StepContext;
import org.orglife.form.Choices.Attendance;
import org.orglife.form.Choices.Channel;
import org.orglife.form.Choices.MeetingForm;
import org.orglife.form.Choices.MeetingMode;
import org.orglife.form.Choices.RemoteReason;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.rating.Eligibility;
import org.orglife.rating.RatingEligibility;
import org.orglife.registry.Member;
import org.springframework.stereotype.Component;

/**
 * 召开党员大会 (notice 二.4, 二.5): attendance per member, remote only for the reasons the notice
 * allows (epidemic control, away as a floating member, health) and by video, phone or letter; the
 * members' appraisal of the committee; the democratic appraisal tallies per member. Members without
 * a vote (probationary, 留党察看) are appraised but do not vote, so the tallies cannot exceed the
 * voters present. The attendance rate is shown, never a condition. The tallies are typed from the paper
 * ballots, or come from the branch's online ballot ({@link Ballots}) once it is closed: then they are
 * read-only, and the record cannot be filed while a ballot is still open. The secretary, first person
 * responsible for the rectification, reports on it (述职): the form shows last year's items and how each
 * stands, and a report on them and on the members' commitments to read out, pre-filled
 * ({@link LastYearsRectification}) unless the secretary saved one already, and kept as edited. A form
 * deployed before the report existed submits none, and is accepted.
 */
@Component
class HoldMembersMeetingStep implements ReviewStep {

    private final CycleRecords records;
    private final RatingEligibility eligibility;
    private final Ballots ballots;
    private final LastYearsRectification lastYear;

    HoldMembersMeetingStep(CycleRecords records, RatingEligibility eligibility, Ballots ballots,
            LastYearsRectification lastYear) {
        this.records = records;
        this.eligibility = eligibility;
        this.ballots = ballots;
        this.lastYear = lastYear;
    }

    @Override
    public String taskId() {
        return "holdMembersMeeting";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        var plan = records.workPlan(context.cycleId()).orElse(null);
        Ballot ballot = ballots.current(context.cycleId()).orElse(null);
        Map<String, BallotAttendance> recorded = ballot == null ? Map.of()
                : ballots.attendance(ballot).stream().collect(Collectors.toMap(BallotAttendance::memberId, a -> a));
        List<Map<String, Object>> attendance = context.members().stream().map(m -> {
            BallotAttendance a = recorded.get(m.id());
            if (a != null) {
                return FormValues.item("memberId", m.id(), "name", m.name(), "attendance", a.attendance().name(),
                        "channel", null, "remoteReason", a.remoteReason() == null ? null : a.remoteReason().name(),
                        "absenceReason", null);
            }
            return FormValues.item("memberId", m.id(), "name", m.name(),
                    "attendance", m.floatingOut() ? null : Attendance.PRESENT.name(),
                    "channel", null, "remoteReason", m.floatingOut() ? RemoteReason.FLOATING.name() : null,
                    "absenceReason", null);
        }).toList();
        RatingEligibility.Table table = eligibility.table(context.year());
        Map<String, BallotTally> counted = closedTallies(ballot);
        List<Map<String, Object>> tallies = table.appraised(context.members()).stream().map(m -> {
            BallotTally t = counted.get(m.id());
            return t == null
                    ? FormValues.item("memberId", m.id(), "name", m.name(), "note", note(table.of(m)),
                            "excellent", 0, "qualified", 0, "basicallyQualified", 0, "unqualified", 0,
                            "fromBallot", false)
                    : FormValues.item("memberId", m.id(), "name", m.name(), "note", note(table.of(m)),
                            "excellent", t.excellent(), "qualified", t.qualified(),
                            "basicallyQualified", t.basicallyQualified(), "unqualified", t.unqualified(),
                            "fromBallot", true);
        }).toList();
        LastYearsRectification.LastYear last = lastYear.of(context);
        return new FormValues()
                .put("membersHeldOn", plan == null ? null : plan.membersMeetingOn().toString())
                .put("membersMeetingForm", plan == null ? MeetingForm.WHOLE.name() : plan.membersMeetingForm().name())
                .put("attendanceRate", "应到会党员 " + context.members().size() + " 名；到会率在提交后计算，仅供参考")
                .list("attendance", attendance)
                .put("lastYearsItems", last.itemLines())
                .put("rectificationReport", records.rectificationReport(context.cycleId()).orElseGet(last::report))
                .put("committeeAppraisal", null)
                .put("ballotNotice", ballotNotice(context.cycleId(), ballot))
                .list("tallies", tallies)
                .toMap();
    }

    /** What the form says of the online ballot, with the link to it (form-js renders the Markdown). */
    static String ballotNotice(String cycleId, Ballot ballot) {
        String link = "(/ballots/" + cycleId + ")";
        if (ballot == null) {
            return "民主测评可用纸质测评票，统计后填写下表；也可[开启在线民主测评（扫码测评）]" + link
                    + "，党员用手机投票，结束后票数自动填入下表。";
        }
        if (ballot.status() == BallotStatus.OPEN) {
            return "在线民主测评进行中（" + ballot.count() + "）。[查看测评、结束测评]" + link
                    + "后，票数自动填入下表。测评结束前不能提交本表。";
        }
        return "下表票数来自在线民主测评（" + ballot.count() + " 张），不能修改。[查看测评]" + link;
    }

    private Map<String, BallotTally> closedTallies(Ballot ballot) {
        return ballot == null || ballot.status() != BallotStatus.CLOSED ? Map.of()
                : ballots.tallies(ballot).stream().collect(Collectors.toMap(BallotTally::memberId, Function.identity()));
    }

    private static String notAppraisedBecause(Eligibility e) {
        return e.note() == null || e.note().isBlank() ? "不评定等次" : e.note();
    }

    private static String note(Eligibility e) {
        if (!e.votes()) {
            return (e.note() == null ? "" : e.note() + "；") + "无表决权";
        }
        return e.note() == null ? "" : e.note();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        LocalDate heldOn = form.date("membersHeldOn", "会议日期", true);
        context.checkInReviewYears(form, "会议日期", heldOn);
        MeetingForm meetingForm = form.choice("membersMeetingForm", "召开形式", MeetingForm.class, true);
        String appraisal = form.text("committeeAppraisal", "党员对支部委员会的评议情况", 4000, true);
        String report = form.text("rectificationReport", "支部书记述职：整改落实情况", 4000, false);
        List<AttendanceRecord> attendance = new ArrayList<>();
        int voters = 0;
        RatingEligibility.Table table = eligibility.table(context.year());
        for (FormData item : MemberList.items(form, "attendance", "到会情况", context)) {
            Member member = context.member(item.text("memberId"));
            Attendance status = item.choice("attendance", "到会情况", Attendance.class, true);
            Channel channel = null;
            RemoteReason remoteReason = null;
            String absenceReason = null;
            if (status == Attendance.REMOTE) {
                channel = item.choice("channel", "远程方式（网络视频、电话或信函）", Channel.class, true);
                remoteReason = item.choice("remoteReason", "远程参会原因", RemoteReason.class, false);
                if (remoteReason == null) {
                    item.problem("远程参会只限落实疫情防控要求、流动外出或身体原因，请选择原因");
                }
            } else if (status == Attendance.ABSENT) {
                absenceReason = item.text("absenceReason", "缺席原因", 500, true);
            }
            if (status != null && status != Attendance.ABSENT && table.of(member).votes()) {
                voters++;
            }
            if (status != null) {
                attendance.add(new AttendanceRecord(member.id(), status, channel, remoteReason, absenceReason));
            }
        }
        Ballot ballot = ballots.current(context.cycleId()).orElse(null);
        if (ballot != null && ballot.status() == BallotStatus.OPEN) {
            form.problem("在线民主测评尚未结束（" + ballot.count() + "），请先在测评页面结束测评，再提交本表");
        }
        Map<String, BallotTally> counted = closedTallies(ballot);
        List<Tally> tallies = new ArrayList<>();
        List<Member> appraised = table.appraised(context.members());
        for (FormData item : MemberList.items(form, "tallies", "民主测评票数", context, appraised)) {
            Member member = context.member(item.text("memberId"));
            if (!appraised.contains(member)) {
                item.problem(member.name() + "（" + member.id() + "）" + notAppraisedBecause(table.of(member))
                        + "，不参加民主测评，不能填写测评票数，请删除这一行");
                continue;
            }
            Tally tally = new Tally(item.text("memberId"), item.count("excellent", "优秀票", false),
                    item.count("qualified", "合格票", false), item.count("basicallyQualified", "基本合格票", false),
                    item.count("unqualified", "不合格票", false));
            BallotTally online = counted.get(member.id());
            if (online != null && !sameCounts(tally, online)) {
                item.problem(member.name() + "（" + member.id() + "）的测评票数来自在线民主测评，不能修改");
                continue;
            }
            int votes = tally.excellent() + tally.qualified() + tally.basicallyQualified() + tally.unqualified();
            if (votes > voters) {
                item.problem("测评票数合计 " + votes + " 张，超过了有表决权的到会党员人数 " + voters + " 名");
            }
            tallies.add(tally);
        }
        form.rejectIfProblems();
        records.saveMembersMeeting(context.cycleId(),
                new Meeting(CycleRecords.MEMBERS, heldOn, MeetingMode.FACE_TO_FACE, null, meetingForm, null, appraisal,
                        report),
                attendance, tallies);
    }

    private static boolean sameCounts(Tally typed, BallotTally online) {
        return typed.excellent() == online.excellent() && typed.qualified() == online.qualified()
                && typed.basicallyQualified() == online.basicallyQualified() && typed.unqualified() == online.unqualified();
    }
}
