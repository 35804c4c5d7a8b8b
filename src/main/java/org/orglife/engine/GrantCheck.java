package org.orglife.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * Answers the engine's "may this person do this" question ({@link CompositePermissionCheck}) from the
 * grants that could answer it, read in one plain query, when revocations are not consulted
 * ({@code authorization-check-revokes: never}). Then the engine's own SQL means exactly this: an
 * atomic check holds when a global grant, a grant to the person or a grant to one of their groups on
 * the check's resource type, on its resource id or on {@code *}, carries all of the check's permission
 * bits; a disjunctive check holds when any part holds, a conjunctive one when all do.
 *
 * <p>The engine builds that SQL anew for every check from a template of nested conditions: in a profile
 * of the benchmark the check before each completion took 16% of all CPU samples, and answering it here
 * cut the machine's CPU per completion by 8% (docs/benchmarks-history.md, round 6).
 */
final class GrantCheck {

    /** One grant row: what it is on and which permission bits it carries. */
    record Grant(int resourceType, String resourceId, int perms) {
    }

    private GrantCheck() {
    }

    /** True when the checks can be answered here: concrete resource ids only, as every single check has. */
    static boolean answers(CompositePermissionCheck check) {
        return check.getAllPermissionChecks().stream().allMatch(atomic -> atomic.getResourceIdQueryParam() == null)
                && (check.getAtomicChecks().isEmpty() || check.getCompositeChecks().isEmpty());
    }

    static boolean holds(CompositePermissionCheck check, List<Grant> grants) {
        List<Boolean> parts = new ArrayList<>();
        check.getAtomicChecks().forEach(atomic -> parts.add(holds(atomic, grants)));
        check.getCompositeChecks().forEach(composite -> parts.add(holds(composite, grants)));
        if (parts.isEmpty()) {
            return false;
        }
        return check.isDisjunctive() ? parts.contains(true) : !parts.contains(false);
    }

    static boolean holds(PermissionCheck atomic, List<Grant> grants) {
        String id = atomic.getResourceId();
        int perms = atomic.getPerms();
        return grants.stream().anyMatch(grant -> grant.resourceType() == atomic.getResourceType()
                && (Authorization.ANY.equals(grant.resourceId()) || grant.resourceId().equals(id))
                && (grant.perms() & perms) == perms);
    }

    /** The global grants and the person's and their groups' grants on the checks' resources. */
    static List<Grant> grants(Connection connection, String tablePrefix, String userId, List<String> groupIds,
            CompositePermissionCheck check) {
        Set<Integer> types = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        ids.add(Authorization.ANY);
        for (PermissionCheck atomic : check.getAllPermissionChecks()) {
            types.add(atomic.getResourceType());
            if (atomic.getResourceId() != null) {
                ids.add(atomic.getResourceId());
            }
        }
        List<String> groups = groupIds == null ? List.of() : groupIds;
        String sql = "select RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from " + tablePrefix + "ACT_RU_AUTHORIZATION"
                + " where RESOURCE_TYPE_ in (" + marks(types.size()) + ") and RESOURCE_ID_ in (" + marks(ids.size())
                + ") and (TYPE_ = " + Authorization.AUTH_TYPE_GLOBAL + " and USER_ID_ = '*'"
                + " or TYPE_ = " + Authorization.AUTH_TYPE_GRANT + " and (USER_ID_ = ?"
                + (groups.isEmpty() ? "" : " or GROUP_ID_ in (" + marks(groups.size()) + ")") + "))";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            for (Integer type : types) {
                statement.setInt(i++, type);
            }
            for (String id : ids) {
                statement.setString(i++, id);
            }
            statement.setString(i++, userId);
            for (String group : groups) {
                statement.setString(i++, group);
            }
            List<Grant> grants = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    grants.add(new Grant(rows.getInt(1), rows.getString(2), rows.getInt(3)));
                }
            }
            return grants;
        } catch (SQLException e) {
            throw new ProcessEngineException("could not read the grants for an authorization check", e);
        }
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
