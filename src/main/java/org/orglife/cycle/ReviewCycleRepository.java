package org.orglife.cycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cycles and the township office's decisions on them. */
@Repository
public class ReviewCycleRepository {

    private final JdbcClient jdbc;

    ReviewCycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest year under review with a campaign or a cycle, else this year: what a page shows when
     * no year is asked for (in January the year under review is the last one).
     */
    public int latestYear() {
        Integer latest = jdbc.sql("""
                select max(y) from (select max(review_year) as y from review_cycle
                                    union all select max(review_year) from township_campaign) years""")
                .query(Integer.class).list().get(0);
        return latest != null ? latest : java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue();
    }

    public Optional<ReviewCycle> find(String id) {
        return jdbc.sql("select * from review_cycle where id = ?").param(id).query(ReviewCycleRepository::map).optional();
    }

    /** Creates the cycle, or attaches the new instance to it when the same cycle is opened again (idempotent). */
    public ReviewCycle open(String id, String branchCode, int year, String processInstanceId, Instant now) {
        int updated = jdbc.sql("update review_cycle set process_instance_id = ? where id = ?")
                .params(processInstanceId, id).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into review_cycle (id, branch_code, review_year, process_instance_id, status, started_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, branchCode, year, processInstanceId, ReviewCycle.RUNNING, Timestamp.from(now)).update();
        }
        return find(id).orElseThrow();
    }

    public void markFiled(String id, java.time.LocalDate filedOn) {
        jdbc.sql("update review_cycle set filed_on = ? where id = ?").params(java.sql.Date.valueOf(filedOn), id).update();
    }

    public void markCompleted(String id, Instant now) {
        jdbc.sql("update review_cycle set status = ?, completed_at = ? where id = ?")
                .params(ReviewCycle.COMPLETED, Timestamp.from(now), id).update();
    }

    public void recordDecision(String cycleId, String subject, boolean approved, String reason, String by, Instant at) {
        jdbc.sql("""
                insert into review_decision (cycle_id, subject, approved, reason, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?)""").params(cycleId, subject, approved, reason, by, Timestamp.from(at)).update();
    }

    /** The reason of the latest decision on the subject if it was a return, else null. */
    public String lastReturnReason(String cycleId, String subject) {
        return jdbc.sql("""
                select approved, reason from review_decision where cycle_id = ? and subject = ?
                order by id desc fetch first 1 rows only""")
                .params(cycleId, subject)
                .query((rs, n) -> rs.getBoolean("approved") ? null : rs.getString("reason"))
                .optional().orElse(null);
    }

    private static ReviewCycle map(ResultSet rs, int row) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        java.sql.Date filed = rs.getDate("filed_on");
        return new ReviewCycle(rs.getString("id"), rs.getString("branch_code"), rs.getInt("review_year"),
                rs.getString("process_instance_id"), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                filed == null ? null : filed.toLocalDate(), completed == null ? null : completed.toInstant());
    }
}
