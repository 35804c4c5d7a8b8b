package org.orglife.ballot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.orglife.form.Choices.Attendance;
import org.orglife.form.Choices.RemoteReason;
import org.orglife.rating.Grade;
import org.orglife.registry.BranchVisibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ballots, their codes, the members they appraise, their boxes of counts and the attendance
 * recorded on opening. A vote shares the ballot's row with the other votes ({@link #openForVote}), so
 * that the close, which changes it, waits for the votes under way and every later vote finds it
 * closed; it spends its code and adds its choices to one of the ballot's {@value #BOXES} boxes, drawn
 * at random ({@link BallotCounts}: a row whatever the branch's size), so that votes seldom wait for
 * one another. On H2, which has no shared row lock, votes take the ballot's row in turn.
 */
@Repository
class BallotRepository {

    static final String UNUSED = "UNUSED";
    static final String SPENT = "SPENT";

    /** Boxes per ballot: enough for the two dozen phones of a large meeting voting at once. */
    static final int BOXES = 8;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final String shareLock;

    BallotRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.shareLock = "PostgreSQL".equals(batch.execute(
                (java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())) ? "for share" : "for update";
    }

    /** A code and the ballot it belongs to. */
    record CodeOfBallot(String code, String state, Ballot ballot) {
    }

    /** A ballot's columns, with the codes it used counted. */
    private static final String COLUMNS = "b.id, b.cycle_id, b.status, b.codes_issued, b.closes_at, b.opened_by, "
            + "b.opened_at, b.ended_by, b.ended_at, b.void_reason, (select count(*) from ballot_code u "
            + "where u.ballot_id = b.id and u.state = 'SPENT') as codes_cast";

    /** A ballot of a branch in a person's view, for the township's list: counts only. */
    record BallotOfBranch(Ballot ballot, String branchCode, String branchName, int year) {
    }

    void insert(Ballot ballot, List<String> codes, List<Ballots.Appraised> appraised, List<BallotAttendance> attendance) {
        jdbc.sql("""
                insert into ballot (id, cycle_id, status, codes_issued, closes_at, opened_by, opened_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(ballot.id(), ballot.cycleId(), ballot.status().name(), ballot.codesIssued(),
                        Timestamp.from(ballot.closesAt()), ballot.openedBy(), Timestamp.from(ballot.openedAt()))
                .update();
        String none = BallotCounts.none(appraised.size()).toString();
        batch.batchUpdate("insert into ballot_box (ballot_id, box, counts) values (?, ?, ?)",
                java.util.stream.IntStream.range(0, BOXES).mapToObj(box -> new Object[] { ballot.id(), box, none }).toList());
        batch.batchUpdate("insert into ballot_code (code, ballot_id, state) values (?, ?, ?)",
                codes.stream().map(c -> new Object[] { c, ballot.id(), UNUSED }).toList());
        batch.batchUpdate("insert into ballot_member (ballot_id, member_id, position, note) values (?, ?, ?, ?)",
                java.util.stream.IntStream.range(0, appraised.size())
                .mapToObj(i -> new Object[] { ballot.id(), appraised.get(i).memberId(), i, appraised.get(i).note() })
                .toList());
        batch.batchUpdate("insert into ballot_attendance (ballot_id, member_id, attendance, remote_reason) values (?, ?, ?, ?)",
                attendance.stream().map(a -> new Object[] { ballot.id(), a.memberId(), a.attendance().name(),
                        a.remoteReason() == null ? null : a.remoteReason().name() }).toList());
    }

    Optional<Ballot> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from ballot b where b.id = ?").param(id).query(BallotRepository::map).optional();
    }

    /** The cycle's ballots, the latest first. */
    List<Ballot> ofCycle(String cycleId) {
        return jdbc.sql("select " + COLUMNS + " from ballot b where b.cycle_id = ? order by b.opened_at desc, b.id")
                .param(cycleId).query(BallotRepository::map).list();
    }

    /** The cycle's ballot that is open or closed, if any: voided ones do not count. */
    Optional<Ballot> current(String cycleId) {
        return jdbc.sql("select " + COLUMNS + " from ballot b where b.cycle_id = ? and b.status <> 'VOIDED'")
                .param(cycleId).query(BallotRepository::map).optional();
    }

    /** Takes the cycle's row for the rest of the transaction: two openings of one cycle take turns. */
    void lockCycle(String cycleId) {
        jdbc.sql("select id from review_cycle where id = ? for update").param(cycleId).query(String.class).optional();
    }

    Optional<CodeOfBallot> findCode(String code) {
        return jdbc.sql("select c.code, c.state as code_state, " + COLUMNS
                        + " from ballot_code c join ballot b on b.id = c.ballot_id where c.code = ?")
                .param(code)
                .query((rs, n) -> new CodeOfBallot(rs.getString("code"), rs.getString("code_state"), map(rs, n)))
                .optional();
    }

    /**
     * Shares the ballot's row until the transaction ends, if it is still open: the close waits for this
     * vote, and this vote does not wait for the others.
     */
    boolean openForVote(String ballotId) {
        return jdbc.sql("select id from ballot where id = ? and status = 'OPEN' " + shareLock).param(ballotId)
                .query(String.class).optional().isPresent();
    }

    /** Adds a ballot's choices to one of its boxes, taking that box's row. */
    void addToBox(String ballotId, int box, java.util.Map<Integer, Grade> choices) {
        BallotCounts counts = BallotCounts.parse(jdbc.sql("select counts from ballot_box where ballot_id = ? and box = ? for update")
                .params(ballotId, box).query(String.class).single());
        jdbc.sql("update ballot_box set counts = ? where ballot_id = ? and box = ?")
                .params(counts.plus(choices).toString(), ballotId, box).update();
    }

    /** How many of the ballot's codes are still unused, as committed. */
    int unused(String ballotId) {
        return jdbc.sql("select count(*) from ballot_code where ballot_id = ? and state = 'UNUSED'").param(ballotId)
                .query(Integer.class).single();
    }

    /** Spends the code if it is still unused. */
    boolean spend(String code) {
        return jdbc.sql("update ballot_code set state = 'SPENT' where code = ? and state = 'UNUSED'").param(code)
                .update() == 1;
    }

    /** Ends an open ballot; its unused codes die. False if it was no longer open. */
    boolean end(String ballotId, BallotStatus status, String by, Instant at, String voidReason) {
        int ended = jdbc.sql("""
                update ballot set status = ?, ended_by = ?, ended_at = ?, void_reason = ?
                where id = ? and status = 'OPEN'""")
                .params(status.name(), by, Timestamp.from(at), voidReason, ballotId).update();
        if (ended == 1) {
            jdbc.sql("update ballot_code set state = 'DEAD' where ballot_id = ? and state = 'UNUSED'").param(ballotId)
                    .update();
        }
        return ended == 1;
    }

    /** Voids a closed ballot: its tallies no longer stand for the meeting's. False if it was not closed. */
    boolean voidClosed(String ballotId, String by, Instant at, String reason) {
        return jdbc.sql("""
                update ballot set status = 'VOIDED', ended_by = ?, ended_at = ?, void_reason = ?
                where id = ? and status = 'CLOSED'""")
                .params(by, Timestamp.from(at), reason, ballotId).update() == 1;
    }

    /** The members the ballot appraises, in the page's order. */
    List<Ballots.Appraised> members(String ballotId) {
        return jdbc.sql("""
                select t.member_id, t.note, m.name from ballot_member t join party_member m on m.id = t.member_id
                where t.ballot_id = ? order by t.position""")
                .param(ballotId)
                .query((rs, n) -> new Ballots.Appraised(rs.getString("member_id"), rs.getString("name"), rs.getString("note")))
                .list();
    }

    /** The members the ballot appraises, in the page's order, with their counts. */
    List<BallotTally> tallies(String ballotId) {
        BallotCounts counts = jdbc.sql("select counts from ballot_box where ballot_id = ?").param(ballotId)
                .query(String.class).list().stream().map(BallotCounts::parse).reduce(BallotCounts::sum).orElseThrow();
        List<Ballots.Appraised> members = members(ballotId);
        return java.util.stream.IntStream.range(0, members.size()).mapToObj(i -> {
            Ballots.Appraised m = members.get(i);
            return new BallotTally(m.memberId(), m.name(), m.note(), counts.of(i, Grade.EXCELLENT),
                    counts.of(i, Grade.QUALIFIED), counts.of(i, Grade.BASICALLY_QUALIFIED), counts.of(i, Grade.UNQUALIFIED));
        }).toList();
    }

    List<BallotAttendance> attendance(String ballotId) {
        return jdbc.sql("select * from ballot_attendance where ballot_id = ? order by member_id").param(ballotId)
                .query((rs, n) -> new BallotAttendance(rs.getString("member_id"),
                        Attendance.valueOf(rs.getString("attendance")),
                        rs.getString("remote_reason") == null ? null : RemoteReason.valueOf(rs.getString("remote_reason"))))
                .list();
    }

    /** The ballots of a year's cycles in a person's view, by branch, the latest of each branch first. */
    List<BallotOfBranch> ofYear(int year, BranchVisibility.Scope scope) {
        return scope.bind(jdbc.sql("select " + COLUMNS + ", c.branch_code, c.review_year, p.name as branch_name"
                + " from ballot b join review_cycle c on c.id = b.cycle_id join party_branch p on p.code = c.branch_code"
                + " where c.review_year = :year and " + scope.condition("p") + " order by c.branch_code, b.opened_at desc"))
                .param("year", year)
                .query((rs, n) -> new BallotOfBranch(map(rs, n), rs.getString("branch_code"), rs.getString("branch_name"),
                        rs.getInt("review_year")))
                .list();
    }

    private static Ballot map(ResultSet rs, int row) throws SQLException {
        return new Ballot(rs.getString("id"), rs.getString("cycle_id"), BallotStatus.valueOf(rs.getString("status")),
                rs.getInt("codes_issued"), rs.getInt("codes_cast"), instant(rs, "closes_at"), rs.getString("opened_by"),
                instant(rs, "opened_at"), rs.getString("ended_by"), instant(rs, "ended_at"), rs.getString("void_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** The codes of a ballot, for its slips. */
    List<String> codes(String ballotId) {
        return jdbc.sql("select code from ballot_code where ballot_id = ? order by code").param(ballotId)
                .query(String.class).list();
    }
}
