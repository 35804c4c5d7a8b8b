package org.orglife.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.orglife.form.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A branch's row of the statistics table (SPEC §6): counted from what the cycle recorded, then
 * corrected and confirmed by the branch and kept as submitted.
 */
@Repository
public class BranchStatistics {

    /** Column → Chinese header, in the table's order. */
    public static final Map<String, String> COLUMNS = columns();

    private final JdbcClient jdbc;

    BranchStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("membersTotal", "党员总数");
        c.put("formalMembers", "正式党员");
        c.put("probationaryMembers", "预备党员");
        c.put("attended", "到会");
        c.put("remote", "远程参会");
        c.put("absent", "缺席");
        c.put("floating", "流动党员");
        c.put("opinionsSolicited", "征求意见（条）");
        c.put("heartTalks", "谈心谈话（次）");
        c.put("problemsCommittee", "支委会查摆问题");
        c.put("problemsMembers", "党员查摆问题");
        c.put("excellent", "优秀");
        c.put("qualified", "合格");
        c.put("basicallyQualified", "基本合格");
        c.put("unqualified", "不合格");
        c.put("notGraded", "不定等次");
        c.put("rectificationPlanned", "整改事项");
        c.put("rectificationDone", "已完成整改");
        return c;
    }

    /** The counts as recorded in the cycle's tables. */
    public Map<String, Integer> count(String cycleId, String branchCode) {
        Map<String, Integer> v = new LinkedHashMap<>();
        v.put("membersTotal", one("select count(*) from party_member where branch_code = ? and left_on is null and floating_in = false", branchCode));
        v.put("formalMembers", one("select count(*) from party_member where branch_code = ? and left_on is null and floating_in = false and status = 'FORMAL'", branchCode));
        v.put("probationaryMembers", one("select count(*) from party_member where branch_code = ? and left_on is null and floating_in = false and status = 'PROBATIONARY'", branchCode));
        v.put("attended", one("select count(*) from meeting_attendance where cycle_id = ? and attendance = 'PRESENT'", cycleId));
        v.put("remote", one("select count(*) from meeting_attendance where cycle_id = ? and attendance = 'REMOTE'", cycleId));
        v.put("absent", one("select count(*) from meeting_attendance where cycle_id = ? and attendance = 'ABSENT'", cycleId));
        v.put("floating", one("select count(*) from party_member where branch_code = ? and left_on is null and floating_out = true", branchCode));
        v.put("opinionsSolicited", one("select count(*) from opinion where cycle_id = ?", cycleId));
        v.put("heartTalks", one("select coalesce(sum(committee_committee + committee_member + member_member), 0) from heart_talks where cycle_id = ?", cycleId));
        v.put("problemsCommittee", one("select count(*) from problem where cycle_id = ?", cycleId));
        v.put("problemsMembers", one("select coalesce(sum(member_problem_count), 0) from problem_examination where cycle_id = ?", cycleId));
        v.put("excellent", grade(cycleId, "EXCELLENT"));
        v.put("qualified", grade(cycleId, "QUALIFIED"));
        v.put("basicallyQualified", grade(cycleId, "BASICALLY_QUALIFIED"));
        v.put("unqualified", grade(cycleId, "UNQUALIFIED"));
        v.put("notGraded", v.get("membersTotal") - one("select count(*) from rating where cycle_id = ?", cycleId));
        v.put("rectificationPlanned", one("select count(*) from rectification_item where cycle_id = ?", cycleId));
        v.put("rectificationDone", one("select count(*) from rectification_item where cycle_id = ? and done = true", cycleId));
        return v;
    }

    public boolean meetingHeld(String cycleId) {
        return one("select count(*) from meeting where cycle_id = ? and kind = 'MEMBERS'", cycleId) > 0;
    }

    private int grade(String cycleId, String grade) {
        return jdbc.sql("select count(*) from rating where cycle_id = ? and grade = ?").params(cycleId, grade)
                .query(Integer.class).single();
    }

    private int one(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Integer.class).single();
    }

    public void save(String cycleId, boolean meetingHeld, Map<String, Integer> values, int excellentCap, String by,
            Instant at) {
        jdbc.sql("delete from statistics_row where cycle_id = ?").param(cycleId).update();
        jdbc.sql("""
                insert into statistics_row (cycle_id, meeting_held, members_total, formal_members, probationary_members,
                  attended, remote, absent, floating, opinions_solicited, heart_talks, problems_committee,
                  problems_members, excellent, qualified, basically_qualified, unqualified, not_graded, excellent_cap,
                  rectification_planned, rectification_done, submitted_by, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(cycleId, meetingHeld, values.get("membersTotal"), values.get("formalMembers"),
                        values.get("probationaryMembers"), values.get("attended"), values.get("remote"),
                        values.get("absent"), values.get("floating"), values.get("opinionsSolicited"),
                        values.get("heartTalks"), values.get("problemsCommittee"), values.get("problemsMembers"),
                        values.get("excellent"), values.get("qualified"), values.get("basicallyQualified"),
                        values.get("unqualified"), values.get("notGraded"), excellentCap,
                        values.get("rectificationPlanned"), values.get("rectificationDone"), by, Timestamp.from(at))
                .update();
    }

    /** The submitted row, by column name (as in {@link #COLUMNS}) plus meetingHeld and excellentCap. */
    public Optional<Map<String, Object>> submitted(String cycleId) {
        return jdbc.sql("select * from statistics_row where cycle_id = ?").param(cycleId).query().listOfRows().stream()
                .findFirst().map(Rows::camelCase);
    }
}
