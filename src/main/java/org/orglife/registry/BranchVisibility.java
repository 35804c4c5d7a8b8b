package org.orglife.registry;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.orglife.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which branches a signed-in person may see: the county's groups and administrators all of them, a
 * township's groups the branches of their own township (their tenant), a liaison cadre or area chief
 * the branches they are named for, a secretary or committee member their own branch (by membership of
 * its group). {@link #scope} says the same as a condition for queries that page, count or sum over the
 * visible branches in SQL.
 */
@Service
public class BranchVisibility {

    /** Groups that oversee every township. */
    public static final Set<String> COUNTY_GROUPS = Set.of("county-staff", "county-supervisors", "camunda-admin");
    /** Groups that oversee their own township. */
    public static final Set<String> TOWNSHIP_GROUPS = Set.of("township-office", "township-supervisors");

    private static final String GROUP_PREFIX = Branch.groupIdOf("");

    private final BranchRepository branches;

    BranchVisibility(BranchRepository branches) {
        this.branches = branches;
    }

    /**
     * The branches a person may see, as SQL: {@link #condition} on a {@code party_branch} alias or
     * {@link #codeIn} on a branch-code column, with {@link #bind} for its parameters. The county's roles
     * get no condition at all, so their queries stay unrestricted.
     *
     * @param townships the townships a township role oversees; null for the county's roles and for branch people
     */
    public record Scope(boolean all, List<String> townships, String userId, List<String> groupBranchCodes) {

        public Scope {
            townships = townships == null ? null : List.copyOf(townships);
            groupBranchCodes = List.copyOf(groupBranchCodes);
        }

        /** A condition on the {@code party_branch} row under {@code alias}. */
        public String condition(String alias) {
            if (all) {
                return "1 = 1";
            }
            if (townships != null) {
                return alias + ".township_code in (:scopeTownships)";
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
            // an empty IN list is not SQL; no branch or township has an empty code
            if (townships != null) {
                return statement.param("scopeTownships", townships.isEmpty() ? List.of("") : townships);
            }
            return statement.param("scopeUser", userId)
                    .param("scopeCodes", groupBranchCodes.isEmpty() ? List.of("") : groupBranchCodes);
        }

        /** Whether this is a township's or the county's view (whole townships), not a branch person's. */
        public boolean overseesTownships() {
            return all || townships != null;
        }

        /** Whether the branch is in this scope. */
        public boolean includes(Branch b) {
            if (all) {
                return true;
            }
            if (townships != null) {
                return townships.contains(b.townshipCode());
            }
            return groupBranchCodes.contains(b.code())
                    || userId.equals(b.secretary().userId())
                    || userId.equals(b.liaison().userId())
                    || (b.areaChief() != null && userId.equals(b.areaChief().userId()));
        }
    }

    public Scope scope(CurrentUser user) {
        List<String> ownBranches = user.groupIds().stream().filter(g -> g.startsWith(GROUP_PREFIX))
                .map(g -> g.substring(GROUP_PREFIX.length())).toList();
        if (overseesCounty(user.groupIds())) {
            return new Scope(true, null, user.id(), ownBranches);
        }
        if (user.groupIds().stream().anyMatch(TOWNSHIP_GROUPS::contains)) {
            return new Scope(false, user.tenantIds(), user.id(), ownBranches);
        }
        return new Scope(false, null, user.id(), ownBranches);
    }

    public List<Branch> visibleTo(CurrentUser user) {
        return branches.findIn(scope(user));
    }

    public Branch require(String code, CurrentUser user) {
        Branch branch = branches.findByCode(code).orElseThrow(() -> new UnknownBranchException(code));
        if (!scope(user).includes(branch)) {
            throw new UnknownBranchException(code);
        }
        return branch;
    }

    /** Whether the person oversees whole townships (their own, or the county's every one), not single branches. */
    public static boolean overseesTownships(CurrentUser user) {
        return overseesCounty(user.groupIds()) || user.groupIds().stream().anyMatch(TOWNSHIP_GROUPS::contains);
    }

    /** Whether the person oversees the whole county. */
    public static boolean overseesCounty(Collection<String> groupIds) {
        return groupIds.stream().anyMatch(COUNTY_GROUPS::contains);
    }
}
