package org.orglife.rectification;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rectification items, members' commitments and the feedback received while they were made public.
 * A list of rows is written as one JDBC batch.
 */
@Repository
public class RectificationRecords {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RectificationRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public record Item(int seq, Integer problemSeq, String problem, String measure, LocalDate deadline,
            String responsible, boolean done) {
    }

    public record Commitment(String memberId, String content) {
    }

    public record Feedback(LocalDate receivedOn, String content, String handling) {
    }

    public void savePlan(String cycleId, List<Item> items, List<Commitment> commitments) {
        jdbc.sql("delete from rectification_item where cycle_id = ?").param(cycleId).update();
        jdbc.sql("delete from commitment where cycle_id = ?").param(cycleId).update();
        batch.batchUpdate("""
                insert into rectification_item (cycle_id, seq, problem_seq, problem, measure, deadline, responsible, done)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", items.stream()
                .map(i -> new Object[] { cycleId, i.seq(), i.problemSeq(), i.problem(), i.measure(),
                        Date.valueOf(i.deadline()), i.responsible(), i.done() })
                .toList());
        batch.batchUpdate("insert into commitment (cycle_id, member_id, content) values (?, ?, ?)",
                commitments.stream().map(c -> new Object[] { cycleId, c.memberId(), c.content() }).toList());
    }

    public List<Item> items(String cycleId) {
        return jdbc.sql("select * from rectification_item where cycle_id = ? order by seq").param(cycleId)
                .query((rs, n) -> new Item(rs.getInt("seq"), (Integer) rs.getObject("problem_seq", Integer.class),
                        rs.getString("problem"), rs.getString("measure"), rs.getDate("deadline").toLocalDate(),
                        rs.getString("responsible"), rs.getBoolean("done")))
                .list();
    }

    public List<Commitment> commitments(String cycleId) {
        return jdbc.sql("select member_id, content from commitment where cycle_id = ? order by member_id").param(cycleId)
                .query((rs, n) -> new Commitment(rs.getString("member_id"), rs.getString("content"))).list();
    }

    public void saveFeedback(String cycleId, List<Feedback> feedback) {
        jdbc.sql("delete from publicity_feedback where cycle_id = ?").param(cycleId).update();
        batch.batchUpdate("insert into publicity_feedback (cycle_id, seq, received_on, content, handling) values (?, ?, ?, ?, ?)",
                IntStream.range(0, feedback.size()).mapToObj(i -> {
                    Feedback f = feedback.get(i);
                    return new Object[] { cycleId, i + 1, f.receivedOn() == null ? null : Date.valueOf(f.receivedOn()),
                            f.content(), f.handling() };
                }).toList());
    }
}
