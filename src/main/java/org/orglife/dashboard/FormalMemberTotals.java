package org.orglife.dashboard;

import org.orglife.rating.RatingRules;
import org.orglife.registry.BranchRepository;
import org.orglife.registry.BranchVisibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Formal members whose membership is in the branch (N of rule R2), summed over the branches in scope,
 * and their caps ⌊N/3⌋ summed ({@link RatingRules#excellentCap} in SQL). Counted from the index on
 * (branch, status, floating in): cheap for a liaison's few branches. For the whole township (3 million
 * members at province scale: 0.2 s to 0.8 s) the totals are kept in memory until the roster revision
 * moves: members change only by roster import, which moves it, on whichever node it runs.
 */
@Component
class FormalMemberTotals {

    record Totals(long formalMembers, long excellentCap) {
    }

    private record Kept(long rosterRevision, Totals totals) {
    }

    private final JdbcClient jdbc;
    private final BranchRepository branches;
    /** By the townships overseen ("*": the county); a branch person's few branches are counted each time. */
    private final java.util.Map<String, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();

    FormalMemberTotals(JdbcClient jdbc, BranchRepository branches) {
        this.jdbc = jdbc;
        this.branches = branches;
    }

    Totals of(BranchVisibility.Scope scope) {
        if (!scope.overseesTownships()) {
            return count(scope);
        }
        String key = scope.all() ? "*" : String.join(",", scope.townships());
        long revision = branches.rosterRevision();
        Kept known = kept.get(key);
        if (known == null || known.rosterRevision() != revision) {
            known = new Kept(revision, count(scope));
            kept.put(key, known);
        }
        return known.totals();
    }

    private Totals count(BranchVisibility.Scope scope) {
        return scope.bind(jdbc.sql("""
                select coalesce(sum(n), 0) as members, coalesce(sum(n / 3), 0) as cap
                from (select m.branch_code, count(*) as n from party_member m
                      where m.status = 'FORMAL' and m.floating_in = false and m.left_on is null and %s
                      group by m.branch_code) per_branch""".formatted(scope.codeIn("m.branch_code"))))
                .query((rs, row) -> new Totals(rs.getLong("members"), rs.getLong("cap"))).single();
    }
}
