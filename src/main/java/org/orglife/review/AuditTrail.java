package org.orglife.review;

import java.sql.Timestamp;
import java.time.Instant;

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

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String cycleId, String step, String action, String memberId, String detail, String actor,
            Instant at) {
        jdbc.sql("""
                insert into audit_event (cycle_id, step, action, member_id, detail, actor, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(cycleId, step, action, memberId, detail, actor, Timestamp.from(at)).update();
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
