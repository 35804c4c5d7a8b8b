package org.orglife.rating;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.orglife.cycle.AuditTrail;
import org.orglife.cycle.AuditTrail.MemberEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ratings, the exception to the one-third cap, opinions on floating members, and dispositions. */
@Repository
public class RatingRecords {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditTrail audit;

    RatingRecords(JdbcClient jdbc, JdbcTemplate batch, AuditTrail audit) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
    }

    public record Rating(String memberId, Grade grade, String basis, boolean feedbackGiven) {
    }

    /** The members' grades, each also in the audit trail; the rows are written as JDBC batches. */
    public void saveRatings(String cycleId, List<Rating> ratings, String by, Instant at) {
        jdbc.sql("delete from rating where cycle_id = ?").param(cycleId).update();
        Timestamp ratedAt = Timestamp.from(at);
        batch.batchUpdate("""
                insert into rating (cycle_id, member_id, grade, basis, feedback_given, rated_by, rated_at)
                values (?, ?, ?, ?, ?, ?, ?)""", ratings.stream()
                .map(r -> new Object[] { cycleId, r.memberId(), r.grade().name(), r.basis(), r.feedbackGiven(), by, ratedAt })
                .toList());
        audit.appendForMembers(cycleId, "rateMembers", AuditTrail.GRADED,
                ratings.stream().map(r -> new MemberEvent(r.memberId(), r.grade().label())).toList(), by, at);
        saveGradeCounts(cycleId, ratings);
    }

    /** The cycle's count per grade, which the dashboard's grade chart sums instead of reading every rating. */
    private void saveGradeCounts(String cycleId, List<Rating> ratings) {
        int[] counts = new int[Grade.values().length];
        ratings.forEach(r -> counts[r.grade().ordinal()]++);
        jdbc.sql("delete from cycle_grade_count where cycle_id = ?").param(cycleId).update();
        jdbc.sql("""
                insert into cycle_grade_count (cycle_id, review_year, branch_code, excellent, qualified,
                  basically_qualified, unqualified)
                select id, review_year, branch_code, ?, ?, ?, ? from review_cycle where id = ?""")
                .params(counts[Grade.EXCELLENT.ordinal()], counts[Grade.QUALIFIED.ordinal()],
                        counts[Grade.BASICALLY_QUALIFIED.ordinal()], counts[Grade.UNQUALIFIED.ordinal()], cycleId)
                .update();
    }

    public List<Rating> ratings(String cycleId) {
        return jdbc.sql("select * from rating where cycle_id = ? order by member_id").param(cycleId)
                .query((rs, n) -> new Rating(rs.getString("member_id"), Grade.valueOf(rs.getString("grade")),
                        rs.getString("basis"), rs.getBoolean("feedback_given")))
                .list();
    }

    public void saveException(String cycleId, String reason, int excellent, int cap) {
        deleteException(cycleId);
        jdbc.sql("insert into excellent_exception (cycle_id, reason, excellent, cap) values (?, ?, ?, ?)")
                .params(cycleId, reason, excellent, cap).update();
    }

    public void deleteException(String cycleId) {
        jdbc.sql("delete from excellent_exception where cycle_id = ?").param(cycleId).update();
    }

    public Optional<String> exceptionReason(String cycleId) {
        return jdbc.sql("select reason from excellent_exception where cycle_id = ?").param(cycleId)
                .query(String.class).optional();
    }

    /** An opinion on a floating member; {@code fromBranch} is set when the inflow organization is a branch here. */
    public record FloatingOpinion(int year, String memberId, String fromBranch, String fromOrg, String opinion,
            Grade suggestedGrade, Instant deliveredAt) {
    }

    public void saveFloatingOpinion(FloatingOpinion o, String by, Instant at) {
        jdbc.sql("delete from floating_opinion where review_year = ? and member_id = ?").params(o.year(), o.memberId())
                .update();
        jdbc.sql("""
                insert into floating_opinion (review_year, member_id, from_branch, from_org, opinion, suggested_grade,
                  recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.year(), o.memberId(), o.fromBranch(), o.fromOrg(), o.opinion(),
                        o.suggestedGrade() == null ? null : o.suggestedGrade().name(), by, Timestamp.from(at))
                .update();
    }

    public Optional<FloatingOpinion> floatingOpinion(int year, String memberId) {
        return jdbc.sql("select * from floating_opinion where review_year = ? and member_id = ?")
                .params(year, memberId).query(RatingRecords::mapOpinion).optional();
    }

    /** Opinions given by the branch on guests, not yet delivered to the guests' home cycles. */
    public List<FloatingOpinion> undeliveredOpinionsFrom(String branchCode, int year) {
        return jdbc.sql("""
                select * from floating_opinion where from_branch = ? and review_year = ? and delivered_at is null
                order by member_id""").params(branchCode, year).query(RatingRecords::mapOpinion).list();
    }

    public void markDelivered(int year, String memberId, Instant at) {
        jdbc.sql("update floating_opinion set delivered_at = ? where review_year = ? and member_id = ?")
                .params(Timestamp.from(at), year, memberId).update();
    }

    private static FloatingOpinion mapOpinion(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        String grade = rs.getString("suggested_grade");
        return new FloatingOpinion(rs.getInt("review_year"), rs.getString("member_id"), rs.getString("from_branch"),
                rs.getString("from_org"), rs.getString("opinion"), grade == null ? null : Grade.valueOf(grade),
                delivered == null ? null : delivered.toInstant());
    }

    public record Disposition(String cycleId, String memberId, String processInstanceId, String educationPlan,
            String disposition, LocalDate correctionDeadline, LocalDate decidedOn, Boolean townshipApproved,
            String status) {
    }

    public boolean dispositionExists(String cycleId, String memberId) {
        return jdbc.sql("select count(*) from disposition where cycle_id = ? and member_id = ?")
                .params(cycleId, memberId).query(Integer.class).single() > 0;
    }

    public void openDisposition(String cycleId, String memberId) {
        jdbc.sql("insert into disposition (cycle_id, member_id, status) values (?, ?, 'OPEN')")
                .params(cycleId, memberId).update();
    }

    public void attachDispositionInstance(String cycleId, String memberId, String processInstanceId) {
        jdbc.sql("update disposition set process_instance_id = ? where cycle_id = ? and member_id = ?")
                .params(processInstanceId, cycleId, memberId).update();
    }

    public void decideDisposition(String cycleId, String memberId, String educationPlan, String disposition,
            LocalDate correctionDeadline, LocalDate decidedOn) {
        jdbc.sql("""
                update disposition set education_plan = ?, disposition = ?, correction_deadline = ?, decided_on = ?,
                  township_approved = null where cycle_id = ? and member_id = ?""")
                .params(educationPlan, disposition, correctionDeadline == null ? null : Date.valueOf(correctionDeadline),
                        Date.valueOf(decidedOn), cycleId, memberId)
                .update();
    }

    public void approveDisposition(String cycleId, String memberId, boolean approved) {
        jdbc.sql("update disposition set township_approved = ? where cycle_id = ? and member_id = ?")
                .params(approved, cycleId, memberId).update();
    }

    public void closeDisposition(String cycleId, String memberId) {
        jdbc.sql("update disposition set status = 'DONE' where cycle_id = ? and member_id = ?")
                .params(cycleId, memberId).update();
    }

    public Optional<Disposition> disposition(String cycleId, String memberId) {
        return jdbc.sql("select * from disposition where cycle_id = ? and member_id = ?").params(cycleId, memberId)
                .query((rs, n) -> new Disposition(rs.getString("cycle_id"), rs.getString("member_id"),
                        rs.getString("process_instance_id"), rs.getString("education_plan"), rs.getString("disposition"),
                        rs.getDate("correction_deadline") == null ? null : rs.getDate("correction_deadline").toLocalDate(),
                        rs.getDate("decided_on") == null ? null : rs.getDate("decided_on").toLocalDate(),
                        (Boolean) rs.getObject("township_approved"), rs.getString("status")))
                .optional();
    }
}
