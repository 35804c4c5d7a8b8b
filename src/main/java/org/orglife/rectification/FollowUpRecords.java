package org.orglife.rectification;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.orglife.cycle.RectificationItemState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The follow-up's writes on a filed list's items (整改销号), each guarded by the state it leaves: a
 * second click, or a step of a version that no longer matches the item, changes nothing and says so.
 * What they read is {@link org.orglife.cycle.RectificationProgress}.
 */
@Repository
class FollowUpRecords {

    private static final String OPEN = RectificationItemState.OPEN.name();
    private static final String MARKED = RectificationItemState.MARKED.name();
    private static final String CONFIRMED = RectificationItemState.CONFIRMED.name();

    private final JdbcClient jdbc;

    FollowUpRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The items nothing follows yet become 整改中, each due on its working day; returns how many. */
    int follow(String cycleId, Map<Integer, LocalDate> dueOn) {
        int followed = 0;
        for (Map.Entry<Integer, LocalDate> item : dueOn.entrySet()) {
            followed += jdbc.sql("""
                    update rectification_item set state = ?, due_on = ?
                    where cycle_id = ? and seq = ? and state is null""")
                    .params(OPEN, Date.valueOf(item.getValue()), cycleId, item.getKey()).update();
        }
        return followed;
    }

    boolean markDone(String cycleId, int seq, String note, LocalDate on, String by) {
        return jdbc.sql("""
                update rectification_item set state = ?, done_note = ?, done_on = ?, done_by = ?
                where cycle_id = ? and seq = ? and state = ?""")
                .params(MARKED, note, Date.valueOf(on), by, cycleId, seq, OPEN).update() == 1;
    }

    boolean confirm(String cycleId, int seq, LocalDate on, String by) {
        return jdbc.sql("""
                update rectification_item set state = ?, done = true, confirmed_on = ?, confirmed_by = ?,
                  returned_reason = null
                where cycle_id = ? and seq = ? and state = ?""")
                .params(CONFIRMED, Date.valueOf(on), by, cycleId, seq, MARKED).update() == 1;
    }

    boolean returnToBranch(String cycleId, int seq, String reason) {
        return jdbc.sql("""
                update rectification_item set state = ?, returned_reason = ?, returned_count = returned_count + 1
                where cycle_id = ? and seq = ? and state = ?""")
                .params(OPEN, reason, cycleId, seq, MARKED).update() == 1;
    }

    boolean reopen(String cycleId, int seq, String reason, LocalDate dueOn, LocalDate on, String by) {
        return jdbc.sql("""
                update rectification_item set state = ?, done = false, due_on = ?, done_on = null,
                  confirmed_on = null, confirmed_by = null, reopened_count = reopened_count + 1,
                  reopened_reason = ?, reopened_on = ?, reopened_by = ?
                where cycle_id = ? and seq = ? and state = ?""")
                .params(OPEN, Date.valueOf(dueOn), reason, Date.valueOf(on), by, cycleId, seq, CONFIRMED)
                .update() == 1;
    }

    /** A follow-up instance of the cycle, of all its items (seq null) or of one reopened item. */
    void attachInstance(String processInstanceId, String cycleId, Integer seq, Instant at) {
        jdbc.sql("""
                insert into rectification_follow_up (process_instance_id, cycle_id, item_seq, started_at)
                values (?, ?, ?, ?)""").params(processInstanceId, cycleId, seq, Timestamp.from(at)).update();
    }

    boolean followed(String cycleId) {
        return jdbc.sql("select count(*) from rectification_follow_up where cycle_id = ?").param(cycleId)
                .query(Integer.class).single() > 0;
    }
}
