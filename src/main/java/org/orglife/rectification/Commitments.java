package org.orglife.rectification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.orglife.cycle.AuditTrail;
import org.orglife.cycle.BranchCycle;
import org.orglife.cycle.CommitmentKept;
import org.orglife.cycle.ReviewCycle;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.EngineContext;
import org.orglife.registry.Branch;
import org.orglife.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether each member kept the commitment of a year's rectification (践诺, notice 二.6: 督促党员承诺践诺).
 * The branch's secretary records it once the list is filed, all members at once or a few at a time,
 * until the next year's members are rated; whoever sees the branch reads it. Each change is in the
 * audit trail.
 */
@Service
public class Commitments {

    static final String AUDIT_STEP = "commitmentsKept";

    private final JdbcClient jdbc;
    private final ReviewCycles reviewCycles;
    private final AuditTrail audit;

    Commitments(JdbcClient jdbc, ReviewCycles reviewCycles, AuditTrail audit) {
        this.jdbc = jdbc;
        this.reviewCycles = reviewCycles;
        this.audit = audit;
    }

    /** A member's commitment and how it was kept, if that is recorded. */
    public record Kept(String memberId, String name, String content, CommitmentKept kept, String recordedBy,
            Instant recordedAt) {
    }

    /** A cycle and its branch as a signed-in person may see them, with what they may do. */
    public record OfCycle(ReviewCycle cycle, Branch branch, boolean secretary, String closedBecause) {

        /** Whether the secretary may record now. */
        public boolean open() {
            return closedBecause == null;
        }
    }

    public OfCycle cycle(String cycleId, CurrentUser user) {
        BranchCycle visible = reviewCycles.visibleTo(cycleId, user);
        return new OfCycle(visible.cycle(), visible.branch(), visible.isSecretary(user), closedBecause(visible.cycle()));
    }

    public List<Kept> kept(String cycleId) {
        return jdbc.sql("""
                select c.member_id, m.name, c.content, c.kept, c.kept_recorded_by, c.kept_recorded_at
                from commitment c join party_member m on m.id = c.member_id
                where c.cycle_id = ? order by c.member_id""")
                .param(cycleId)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("kept_recorded_at");
                    String kept = rs.getString("kept");
                    return new Kept(rs.getString("member_id"), rs.getString("name"), rs.getString("content"),
                            kept == null ? null : CommitmentKept.valueOf(kept), rs.getString("kept_recorded_by"),
                            at == null ? null : at.toInstant());
                })
                .list();
    }

    /**
     * Records how the members named kept their commitments (member id → {@link CommitmentKept} name; an
     * empty value leaves a member as it is). Refused whole, with every problem named, or written whole.
     */
    @Transactional
    public int record(String cycleId, Map<String, String> kept, CurrentUser user) {
        OfCycle cycle = cycle(cycleId, user);
        if (!cycle.secretary()) {
            throw new CommitmentRefusedException(403, "只有本支部书记可以记录党员践诺情况");
        }
        if (!cycle.open()) {
            throw new CommitmentRefusedException(409, cycle.closedBecause());
        }
        Map<String, Kept> current = kept(cycleId).stream().collect(Collectors.toMap(Kept::memberId, k -> k));
        List<String> problems = new ArrayList<>();
        List<AuditTrail.MemberEvent> changes = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        kept.forEach((memberId, value) -> {
            Kept commitment = current.get(memberId);
            if (commitment == null) {
                problems.add("编号 " + shorten(memberId) + " 的党员没有本年度的整改承诺");
                return;
            }
            if (value == null || value.isBlank()) {
                return;
            }
            CommitmentKept status = parse(value.strip());
            if (status == null) {
                problems.add(commitment.name() + "（" + memberId + "）：践诺情况只能是践诺、部分践诺或未践诺");
            } else if (status != commitment.kept()) {
                changes.add(new AuditTrail.MemberEvent(memberId, status.label()));
                rows.add(new Object[] { status.name(), memberId });
            }
        });
        if (!problems.isEmpty()) {
            throw new CommitmentRefusedException(400, "践诺情况未保存，请核对", problems);
        }
        Instant now = EngineContext.now();
        for (Object[] row : rows) {
            jdbc.sql("""
                    update commitment set kept = ?, kept_recorded_by = ?, kept_recorded_at = ?
                    where cycle_id = ? and member_id = ?""")
                    .params(row[0], user.id(), Timestamp.from(now), cycleId, row[1]).update();
        }
        if (!changes.isEmpty()) {
            audit.appendForMembers(cycleId, AUDIT_STEP, "记录践诺", changes, user.id(), now);
        }
        return changes.size();
    }

    /** Why the secretary may not record now, or null: before the filing, or once next year's members are rated. */
    private String closedBecause(ReviewCycle cycle) {
        if (cycle.filedOn() == null) {
            return "整改清单经镇党委备案后，才能记录党员践诺情况";
        }
        String next = ReviewVariables.cycleId(cycle.year() + 1, cycle.branchCode());
        boolean rated = jdbc.sql("select count(*) from rating where cycle_id = ?").param(next).query(Integer.class)
                .single() > 0;
        return rated ? (cycle.year() + 1) + " 年度的民主评议已评定等次，" + cycle.year() + " 年度的践诺情况不能再修改" : null;
    }

    private static CommitmentKept parse(String value) {
        for (CommitmentKept status : CommitmentKept.values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
