package org.orglife.cycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orglife.form.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Everything a branch recorded in a year, read from our tables (not from process variables): the
 * archive behind {@code GET /api/branches/{code}/reviews/{year}}.
 */
@Service
public class CycleArchive {

    private static final Map<String, String> SECTIONS = sections();
    /** Sections with one row per cycle; the others are lists. */
    private static final java.util.Set<String> SINGLE = java.util.Set.of("workPlan", "study", "heartTalks",
            "problemExamination", "liaisonComment", "excellentException", "statistics");

    private final JdbcClient jdbc;

    CycleArchive(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Map<String, String> sections() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("workPlan", "select * from work_plan where cycle_id = ?");
        s.put("decisions", "select subject, approved, reason, decided_by, decided_at from review_decision where cycle_id = ? order by id");
        s.put("study", "select * from study_session where cycle_id = ?");
        s.put("studyAbsences", withName("study_absence"));
        s.put("opinions", "select seq, source, content from opinion where cycle_id = ? order by seq");
        s.put("heartTalks", "select * from heart_talks where cycle_id = ?");
        s.put("hearings", withName("hearing"));
        s.put("problems", "select seq, category, description, found_by from problem where cycle_id = ? order by seq");
        s.put("problemExamination", "select * from problem_examination where cycle_id = ?");
        s.put("meetings", "select * from meeting where cycle_id = ? order by kind");
        s.put("attendance", withName("meeting_attendance"));
        s.put("tallies", withName("appraisal_tally"));
        s.put("ballots", """
                select b.status, b.codes_issued,
                  (select count(*) from ballot_code c where c.ballot_id = b.id and c.state = 'SPENT') as codes_cast,
                  b.closes_at, b.opened_by, b.opened_at, b.ended_by, b.ended_at, b.void_reason
                from ballot b where b.cycle_id = ? order by b.opened_at""");
        s.put("liaisonComment", "select * from liaison_comment where cycle_id = ?");
        s.put("ratings", withName("rating"));
        s.put("excellentException", "select * from excellent_exception where cycle_id = ?");
        s.put("floatingOpinions", """
                select o.member_id, m.name, o.from_branch, o.from_org, o.opinion, o.suggested_grade, o.recorded_by,
                  o.recorded_at, o.delivered_at
                from floating_opinion o join party_member m on m.id = o.member_id join review_cycle c on c.id = ?
                where (m.branch_code = c.branch_code or o.from_branch = c.branch_code) and o.review_year = c.review_year
                order by o.member_id""");
        s.put("rectificationItems", "select * from rectification_item where cycle_id = ? order by seq");
        s.put("commitments", withName("commitment"));
        s.put("publicityFeedback", "select * from publicity_feedback where cycle_id = ? order by seq");
        s.put("dispositions", withName("disposition"));
        s.put("statistics", "select * from statistics_row where cycle_id = ?");
        s.put("audit", """
                select a.occurred_at, a.actor, a.action, a.step, a.detail, a.member_id, m.name
                from audit_event a left join party_member m on m.id = a.member_id
                where a.cycle_id = ? order by a.id""");
        return s;
    }

    private static String withName(String table) {
        return "select t.*, m.name from " + table + " t join party_member m on m.id = t.member_id where t.cycle_id = ?"
                + " order by t.member_id";
    }

    public Map<String, Object> read(ReviewCycle cycle) {
        Map<String, Object> archive = new LinkedHashMap<>();
        archive.put("cycle", cycle);
        SECTIONS.forEach((name, sql) -> {
            List<Map<String, Object>> rows = Rows.camelCase(jdbc.sql(sql).param(cycle.id()).query().listOfRows());
            rows.forEach(row -> row.remove("cycleId"));
            archive.put(name, SINGLE.contains(name) ? (rows.isEmpty() ? null : rows.get(0)) : rows);
        });
        return archive;
    }
}
