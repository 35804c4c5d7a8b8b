package org.orglife.registry;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which branches a signed-in person may see: township groups and administrators all of them, a
 * liaison cadre or area chief the branches they are named for, a secretary or committee member
 * their own branch (by membership of its group). {@link #scope} says the same as a condition for
 * queries that page, count or sum over the visible branches in SQL.
 */
@Service
public class BranchVisibility {

    /** Groups that oversee the whole township. */
    public static final Set<String> TOWNSHIP_GROUPS = Set.of("township-office", "township-supervisors", "camunda-admin");

    private static final String GROUP_PREFIX = Branch.groupIdOf("");

    private final BranchRepository branches;

    BranchVisibility(BranchRepository branches) {
        this.branches = branches;
    }

    /**
     * The branches a person may see, as SQL: {@link #condition} on a {@code party_branch} alias or
     * {@link #codeIn} on a branch-code column, with {@link #bind} for its parameters. Township roles
     * get no condition at all, so their queries stay unrestricted.
     */
    public record Scope(boolean all, String userId, List<String> groupBranchCodes) {

        public Scope {
            groupBranchCodes = List.copyOf(groupBranchCodes);
        }

        /** A condition on the {@code party_branch} row under {@code alias}. */
        public String condition(String alias) {
            if (all) {
                return "1 = 1";
            }
            return "(" + alias + ".secretary_user = :scopeUser or " + alias + ".liaison_user = :scopeUser or "
                    + alias + ".area_chief_user = :scopeUser or " + alias + ".code in (:scopeCodes))";
        }

        /** A condition on a column holding a branch code. */
        public String codeIn(String column) {
            return all ? "1 = 1" : column + " in (select v.code from party_branch v where " + condition("v") + ")";
        }

        public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            if (all) {
                return statement;
            }
            // an empty IN list is not SQL; no branch has an empty code
            return statement.param("scopeUser", userId)
                    .param("scopeCodes", groupBranchCodes.isEmpty() ? List.of("") : groupBranchCodes);
        }
    }

    public Scope scope(String userId, Collection<String> groupIds) {
        return new Scope(seesAll(groupIds), userId, groupIds.stream().filter(g -> g.startsWith(GROUP_PREFIX))
                .map(g -> g.substring(GROUP_PREFIX.length())).toList());
    }

    public List<Branch> visibleTo(String userId, Collection<String> groupIds) {
        return branches.findIn(scope(userId, groupIds));
    }

    public Branch require(String code, String userId, Collection<String> groupIds) {
        Branch branch = branches.findByCode(code).orElseThrow(() -> new UnknownBranchException(code));
        if (!seesAll(groupIds) && !concerns(branch, userId, groupIds)) {
            throw new UnknownBranchException(code);
        }
        return branch;
    }

    public static boolean seesAll(Collection<String> groupIds) {
        return groupIds.stream().anyMatch(TOWNSHIP_GROUPS::contains);
    }

    private static boolean concerns(Branch b, String userId, Collection<String> groupIds) {
        return groupIds.contains(b.groupId())
                || userId.equals(b.secretary().userId())
                || userId.equals(b.liaison().userId())
                || (b.areaChief() != null && userId.equals(b.areaChief().userId()));
    }
}
