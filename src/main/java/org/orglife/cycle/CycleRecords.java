package org.orglife.cycle;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.orglife.form.Choices;
import org.orglife.form.Choices.MeetingForm;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a branch records in the steps before rating: the plan, the study session, opinions and
 * hearings, the problem list, the two meetings with attendance and tallies, the liaison's comment.
 * A step done again (after a return) replaces its earlier record. A list of rows (one per member,
 * opinion or problem) is written as one JDBC batch: one round trip, not one per row.
 */
@Repository
public class CycleRecords {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CycleRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public record WorkPlan(LocalDate committeeMeetingOn, LocalDate membersMeetingOn, String venue, String studyTopics,
            MeetingForm membersMeetingForm, String absenteeArrangements) {
    }

    public void saveWorkPlan(String cycleId, WorkPlan plan, String by, Instant at) {
        jdbc.sql("delete from work_plan where cycle_id = ?").param(cycleId).update();
        jdbc.sql("""
                insert into work_plan (cycle_id, committee_meeting_on, members_meeting_on, venue, study_topics,
                  members_meeting_form, absentee_arrangements, drafted_by, drafted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(cycleId, Date.valueOf(plan.committeeMeetingOn()), Date.valueOf(plan.membersMeetingOn()),
                        plan.venue(), plan.studyTopics(), plan.membersMeetingForm().name(), plan.absenteeArrangements(),
                        by, Timestamp.from(at))
                .update();
    }

    public Optional<WorkPlan> workPlan(String cycleId) {
        return jdbc.sql("select * from work_plan where cycle_id = ?").param(cycleId)
                .query((rs, n) -> new WorkPlan(rs.getDate("committee_meeting_on").toLocalDate(),
                        rs.getDate("members_meeting_on").toLocalDate(), rs.getString("venue"),
                        rs.getString("study_topics"), MeetingForm.valueOf(rs.getString("members_meeting_form")),
                        rs.getString("absentee_arrangements")))
                .optional();
    }

    public record StudyAbsence(String memberId, String reason, boolean materialsDelivered, String notDeliveredReason) {
    }

    public void saveStudy(String cycleId, LocalDate heldOn, String topics, int attended, List<StudyAbsence> absences,
            String by) {
        jdbc.sql("delete from study_absence where cycle_id = ?").param(cycleId).update();
        jdbc.sql("delete from study_session where cycle_id = ?").param(cycleId).update();
        jdbc.sql("insert into study_session (cycle_id, held_on, topics, attended, recorded_by) values (?, ?, ?, ?, ?)")
                .params(cycleId, Date.valueOf(heldOn), topics, attended, by).update();
        batch.batchUpdate("""
                insert into study_absence (cycle_id, member_id, reason, materials_delivered, not_delivered_reason)
                values (?, ?, ?, ?, ?)""", absences.stream()
                .map(a -> new Object[] { cycleId, a.memberId(), a.reason(), a.materialsDelivered(), a.notDeliveredReason() })
                .toList());
    }

    public record Opinion(String source, String content) {
    }

    public record Hearing(String memberId, boolean heard, String notHeardReason) {
    }

    public void saveOpinions(String cycleId, List<Opinion> opinions, int[] talks, List<Hearing> hearings) {
        jdbc.sql("delete from opinion where cycle_id = ?").param(cycleId).update();
        jdbc.sql("delete from heart_talks where cycle_id = ?").param(cycleId).update();
        jdbc.sql("delete from hearing where cycle_id = ?").param(cycleId).update();
        batch.batchUpdate("insert into opinion (cycle_id, seq, source, content) values (?, ?, ?, ?)",
                IntStream.range(0, opinions.size()).mapToObj(i -> {
                    Opinion o = opinions.get(i);
                    return new Object[] { cycleId, i + 1, o.source(), o.content() };
                }).toList());
        jdbc.sql("""
                insert into heart_talks (cycle_id, committee_committee, committee_member, member_member)
                values (?, ?, ?, ?)""").params(cycleId, talks[0], talks[1], talks[2]).update();
        batch.batchUpdate("insert into hearing (cycle_id, member_id, heard, not_heard_reason) values (?, ?, ?, ?)",
                hearings.stream().map(h -> new Object[] { cycleId, h.memberId(), h.heard(), h.notHeardReason() }).toList());
    }

    public record Problem(int seq, String category, String description, Choices.FoundBy foundBy) {
    }

    public void saveProblems(String cycleId, List<Problem> problems, Integer memberProblemCount) {
        jdbc.sql("delete from problem where cycle_id = ?").param(cycleId).update();
        jdbc.sql("delete from problem_examination where cycle_id = ?").param(cycleId).update();
        batch.batchUpdate("insert into problem (cycle_id, seq, category, description, found_by) values (?, ?, ?, ?, ?)",
                problems.stream()
                        .map(p -> new Object[] { cycleId, p.seq(), p.category(), p.description(), p.foundBy().name() })
                        .toList());
        jdbc.sql("insert into problem_examination (cycle_id, member_problem_count) values (?, ?)")
                .params(cycleId, memberProblemCount).update();
    }

    public List<Problem> problems(String cycleId) {
        return jdbc.sql("select * from problem where cycle_id = ? order by seq").param(cycleId)
                .query((rs, n) -> new Problem(rs.getInt("seq"), rs.getString("category"), rs.getString("description"),
                        Choices.FoundBy.valueOf(rs.getString("found_by"))))
                .list();
    }

    /**
     * A meeting as recorded; the members' meeting alone has the members' appraisal of the committee and the
     * secretary's 述职 on the rectification (either may be null).
     */
    public record Meeting(String kind, LocalDate heldOn, Choices.MeetingMode mode, String remoteReason,
            MeetingForm form, String attendees, String appraisalOfCommittee, String rectificationReport) {
    }

    public static final String COMMITTEE = "COMMITTEE";
    public static final String MEMBERS = "MEMBERS";

    public void saveMeeting(String cycleId, Meeting m) {
        jdbc.sql("delete from meeting where cycle_id = ? and kind = ?").params(cycleId, m.kind()).update();
        jdbc.sql("""
                insert into meeting (cycle_id, kind, held_on, mode, remote_reason, form, attendees,
                  appraisal_of_committee, rectification_report) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(cycleId, m.kind(), Date.valueOf(m.heldOn()), m.mode().name(), m.remoteReason(),
                        m.form() == null ? null : m.form().name(), m.attendees(), m.appraisalOfCommittee(),
                        m.rectificationReport())
                .update();
    }

    /** The secretary's 述职 on the rectification as saved with the members' meeting, if it was. */
    public Optional<String> rectificationReport(String cycleId) {
        return jdbc.sql("select rectification_report from meeting where cycle_id = ? and kind = ?")
                .params(cycleId, MEMBERS).query(String.class).optional();
    }

    public record AttendanceRecord(String memberId, Choices.Attendance attendance, Choices.Channel channel,
            Choices.RemoteReason remoteReason, String absenceReason) {
    }

    public record Tally(String memberId, int excellent, int qualified, int basicallyQualified, int unqualified) {

        public String summary() {
            return "优秀 " + excellent + " / 合格 " + qualified + " / 基本合格 " + basicallyQualified + " / 不合格 " + unqualified;
        }
    }

    public void saveMembersMeeting(String cycleId, Meeting meeting, List<AttendanceRecord> attendance,
            List<Tally> tallies) {
        saveMeeting(cycleId, meeting);
        jdbc.sql("delete from meeting_attendance where cycle_id = ?").param(cycleId).update();
        jdbc.sql("delete from appraisal_tally where cycle_id = ?").param(cycleId).update();
        batch.batchUpdate("""
                insert into meeting_attendance (cycle_id, member_id, attendance, channel, remote_reason, absence_reason)
                values (?, ?, ?, ?, ?, ?)""", attendance.stream()
                .map(a -> new Object[] { cycleId, a.memberId(), a.attendance().name(),
                        a.channel() == null ? null : a.channel().name(),
                        a.remoteReason() == null ? null : a.remoteReason().name(), a.absenceReason() })
                .toList());
        batch.batchUpdate("""
                insert into appraisal_tally (cycle_id, member_id, excellent, qualified, basically_qualified, unqualified)
                values (?, ?, ?, ?, ?, ?)""", tallies.stream()
                .map(t -> new Object[] { cycleId, t.memberId(), t.excellent(), t.qualified(), t.basicallyQualified(),
                        t.unqualified() })
                .toList());
    }

    public List<Tally> tallies(String cycleId) {
        return jdbc.sql("select * from appraisal_tally where cycle_id = ? order by member_id").param(cycleId)
                .query((rs, n) -> new Tally(rs.getString("member_id"), rs.getInt("excellent"), rs.getInt("qualified"),
                        rs.getInt("basically_qualified"), rs.getInt("unqualified")))
                .list();
    }

    public List<AttendanceRecord> attendance(String cycleId) {
        return jdbc.sql("select * from meeting_attendance where cycle_id = ? order by member_id").param(cycleId)
                .query((rs, n) -> new AttendanceRecord(rs.getString("member_id"),
                        Choices.Attendance.valueOf(rs.getString("attendance")),
                        rs.getString("channel") == null ? null : Choices.Channel.valueOf(rs.getString("channel")),
                        rs.getString("remote_reason") == null ? null
                                : Choices.RemoteReason.valueOf(rs.getString("remote_reason")),
                        rs.getString("absence_reason")))
                .list();
    }

    public void saveLiaisonComment(String cycleId, boolean committee, boolean members, String comment, String by,
            Instant at) {
        jdbc.sql("delete from liaison_comment where cycle_id = ?").param(cycleId).update();
        jdbc.sql("""
                insert into liaison_comment (cycle_id, attended_committee_meeting, attended_members_meeting, comment,
                  commented_by, commented_at) values (?, ?, ?, ?, ?, ?)""")
                .params(cycleId, committee, members, comment, by, Timestamp.from(at)).update();
    }

    /**
     * Last year's commitment of each member of the branch, with how it was kept, in a line for the
     * next year's rating: "带头参加集中学习（践诺）", or （践诺情况未记录）.
     */
    public Map<String, String> lastYearsCommitments(String branchCode, int year) {
        Map<String, String> lines = new HashMap<>();
        jdbc.sql("select member_id, content, kept from commitment where cycle_id = ?")
                .param(ReviewVariables.cycleId(year - 1, branchCode))
                .query(rs -> {
                    String kept = rs.getString("kept");
                    lines.put(rs.getString("member_id"), rs.getString("content") + "（"
                            + (kept == null ? "践诺情况未记录" : CommitmentKept.valueOf(kept).label()) + "）");
                });
        return lines;
    }
}
