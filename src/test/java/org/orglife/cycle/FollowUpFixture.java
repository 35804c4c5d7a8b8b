package org.orglife.cycle;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Filed rectification lists of 2074 and 2075 (DDG-02, DDG-03) in every state of the follow-up, written
 * straight into the tables, as they stand on {@link #TODAY}; no process runs for them.
 *
 * <pre>
 *              items  已销号  未销号  逾期  整改不到位
 * 2074-DDG-02    3      1       2      1       1     (one confirmed, one open past its day, one reopened)
 * 2074-DDG-03    2      0       2      2       0     (one open and one marked done, both past their day)
 * 2075-DDG-02    2      1       1      0       0
 * 2075-DDG-03    2      0       2      0       0
 * </pre>
 */
public final class FollowUpFixture {

    /** 10 February 2076: the 2074 lists are late, the 2075 lists just filed. */
    public static final LocalDate TODAY = LocalDate.of(2076, 2, 10);
    public static final List<String> CYCLES = List.of("2074-DDG-02", "2074-DDG-03", "2075-DDG-02", "2075-DDG-03");

    private final JdbcClient jdbc;

    public FollowUpFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the four filed lists (after removing what a previous test left of them) and sets the clock to {@link #TODAY}. */
    public void plant() {
        clear();
        cycle("2074-DDG-02", LocalDate.of(2075, 1, 20));
        item("2074-DDG-02", 1, "CONFIRMED", LocalDate.of(2075, 3, 31), LocalDate.of(2075, 3, 28), LocalDate.of(2075, 4, 2), 0);
        item("2074-DDG-02", 2, "OPEN", LocalDate.of(2075, 6, 30), null, null, 0);
        item("2074-DDG-02", 3, "OPEN", LocalDate.of(2076, 3, 31), null, null, 1);
        cycle("2074-DDG-03", LocalDate.of(2075, 1, 22));
        item("2074-DDG-03", 1, "OPEN", LocalDate.of(2075, 5, 29), null, null, 0);
        item("2074-DDG-03", 2, "MARKED", LocalDate.of(2075, 9, 30), LocalDate.of(2075, 10, 8), null, 0);
        cycle("2075-DDG-02", LocalDate.of(2076, 1, 20));
        item("2075-DDG-02", 1, "CONFIRMED", LocalDate.of(2076, 4, 30), LocalDate.of(2076, 2, 5), LocalDate.of(2076, 2, 6), 0);
        item("2075-DDG-02", 2, "OPEN", LocalDate.of(2076, 6, 30), null, null, 0);
        cycle("2075-DDG-03", LocalDate.of(2076, 1, 21));
        item("2075-DDG-03", 1, "OPEN", LocalDate.of(2076, 6, 30), null, null, 0);
        item("2075-DDG-03", 2, "OPEN", LocalDate.of(2076, 9, 30), null, null, 0);
        TestClock.at(TODAY.getYear(), TODAY.getMonthValue(), TODAY.getDayOfMonth());
    }

    /** Removes the lists and everything written about them, and puts the clock back. */
    public void clear() {
        for (String table : List.of("statistics_row", "rectification_item")) {
            jdbc.sql("delete from " + table + " where cycle_id in (:cycles)").param("cycles", CYCLES).update();
        }
        jdbc.sql("delete from review_cycle where id in (:cycles)").param("cycles", CYCLES).update();
        TestClock.reset();
    }

    /** An item as the follow-up leaves it: {@code done} exactly when confirmed, as the follow-up keeps it. */
    public void item(String cycleId, int seq, String state, LocalDate dueOn, LocalDate doneOn, LocalDate confirmedOn,
            int reopened) {
        jdbc.sql("""
                insert into rectification_item (cycle_id, seq, problem, measure, deadline, responsible, done, state,
                  due_on, done_on, confirmed_on, reopened_count, reopened_on)
                values (:cycle, :seq, :problem, '按计划整改', :due, '支部书记', :done, :state, :due, :doneOn, :confirmedOn,
                  :reopened, :reopenedOn)""")
                .param("cycle", cycleId).param("seq", seq).param("problem", "问题 " + seq)
                .param("due", Date.valueOf(dueOn)).param("done", "CONFIRMED".equals(state)).param("state", state)
                .param("doneOn", date(doneOn)).param("confirmedOn", date(confirmedOn)).param("reopened", reopened)
                .param("reopenedOn", reopened > 0 ? Date.valueOf(LocalDate.of(2075, 12, 1)) : null)
                .update();
    }

    private void cycle(String id, LocalDate filedOn) {
        jdbc.sql("""
                insert into review_cycle (id, branch_code, review_year, status, started_at, filed_on, completed_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, id.substring(5), Integer.parseInt(id.substring(0, 4)), ReviewCycle.COMPLETED,
                        Timestamp.from(Instant.parse(id.substring(0, 4) + "-11-01T01:00:00Z")), Date.valueOf(filedOn),
                        Timestamp.from(Instant.parse(filedOn.plusDays(30) + "T01:00:00Z")))
                .update();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
