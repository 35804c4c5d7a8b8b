package org.orglife.cycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only record of who did what to a cycle's records and when: each step filed or filed
 * again (修改, after a return), each member graded. There is no update and no delete; on PostgreSQL
 * a trigger refuses them as well. Engine history may be cleaned up; this stays with the archive.
 */
@Repository
public class AuditTrail {

    public static final String RECORDED = "填报";
    public static final String CHANGED = "修改";
    public static final String GRADED = "评定等次";
    private static final int DETAIL_LENGTH = 400;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditTrail(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** What a step did to one member, e.g. the grade given. */
    public record MemberEvent(String memberId, String detail) {
    }

    /** One event per member, all by the same person at the same time, written as one JDBC batch. */
    public void appendForMembers(String cycleId, String step, String action, List<MemberEvent> events, String actor,
            Instant at) {
        Timestamp occurredAt = Timestamp.from(at);
        batch.batchUpdate("""
                insert into audit_event (cycle_id, step, action, member_id, detail, actor, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?)""", events.stream()
                .map(e -> new Object[] { cycleId, step, action, e.memberId(), e.detail(), actor, occurredAt })
                .toList());
    }

    /**
     * An event of the cycle that no step's form files, such as a ballot opened, closed or voided with
     * its reason. Its step is not a task's, so that a step's first filing stays 填报.
     */
    public void append(String cycleId, String step, String action, String detail, String actor, Instant at) {
        jdbc.sql("""
                insert into audit_event (cycle_id, step, action, member_id, detail, actor, occurred_at)
                values (?, ?, ?, null, ?, ?, ?)""")
                .params(cycleId, step, action, fitted(detail), actor, Timestamp.from(at)).update();
    }

    /** A detail longer than its column (a reason of 500 characters with what it is about) is cut, not refused. */
    private static String fitted(String detail) {
        return detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH - 1) + "…";
    }

    /**
     * A step's submission: 填报 the first time, 修改 when the step's record is filed again; told apart
     * in the insert itself, by the step's earlier filings of the cycle.
     */
    void stepFiled(String cycleId, String step, String stepName, String actor, Instant at) {
        jdbc.sql("""
                insert into audit_event (cycle_id, step, action, member_id, detail, actor, occurred_at)
                select ?, ?, case when exists (select 1 from audit_event e
                                               where e.cycle_id = ? and e.step = ? and e.member_id is null)
                                  then ? else ? end,
                       null, ?, ?, cast(? as timestamp)""")
                .params(cycleId, step, cycleId, step, CHANGED, RECORDED, stepName, actor, Timestamp.from(at)).update();
    }
}
