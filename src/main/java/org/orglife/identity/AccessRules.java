package org.orglife.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.orglife.engine.EngineQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations of each role. Branch people get no blanket rights on tasks or
 * instances: they see a task because they are its candidates (the engine grants that per task)
 * and an instance because the branch cycle grants it to its own branch. Nor do they read the
 * township's people: each reads their own user (granted with the user) and their own groups (granted
 * with each group). Township and county groups read everything, within the tenants (townships) they are
 * members of; only the office may start processes.
 */
@Component
public class AccessRules {

    private static final Logger log = LoggerFactory.getLogger(AccessRules.class);

    private final AuthorizationService authorizations;
    private final JdbcClient jdbc;

    AccessRules(AuthorizationService authorizations, JdbcClient jdbc) {
        this.authorizations = authorizations;
        this.jdbc = jdbc;
    }

    /**
     * The role groups' grants. A branch's own group holds none: its only member, the secretary, is also
     * in {@code branch-secretaries}, and 100,000 branch groups each holding a grant on every user,
     * group and process definition made every authorization check read 300,000 rows (docs/benchmarks-history.md).
     */
    void apply() {
        List<String> everyone = List.of(Groups.COUNTY_STAFF, Groups.COUNTY_SUPERVISORS, Groups.TOWNSHIP_OFFICE,
                Groups.TOWNSHIP_SUPERVISORS, Groups.LIAISON_CADRES, Groups.BRANCH_SECRETARIES);
        for (String group : everyone) {
            grantGroup(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // process names and diagrams in Tasklist; not the instances or tasks inside
            grantGroup(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        // every user's name and e-mail address, every group: the township's, not the branches'
        for (String group : List.of(Groups.LIAISON_CADRES, Groups.BRANCH_SECRETARIES)) {
            withdrawGroup(group, Resources.USER, ANY);
            withdrawGroup(group, Resources.GROUP, ANY);
        }
        // which township's: the tenant check keeps a township's groups to their own, the county's see every one
        for (String group : Groups.OVERSIGHT) {
            grantGroup(group, Resources.USER, ANY, Permissions.READ);
            grantGroup(group, Resources.GROUP, ANY, Permissions.READ);
            grantGroup(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grantGroup(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_TASK,
                    Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
            grantGroup(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grantGroup(group, Resources.TASK, ANY, Permissions.READ);
            grantGroup(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            grantGroup(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        }
        // the office starts the year's campaign and a single branch's cycle; the other processes (dispositions,
        // escalation, the sweep) are started by the application after its checks, never by a request
        withholdGroup(Groups.TOWNSHIP_OFFICE, Resources.PROCESS_DEFINITION, ANY, Permissions.CREATE_INSTANCE);
        for (String startedByTheOffice : List.of("township-campaign", "branch-annual-review")) {
            grantGroup(Groups.TOWNSHIP_OFFICE, Resources.PROCESS_DEFINITION, startedByTheOffice,
                    Permissions.CREATE_INSTANCE);
        }
        grantGroup(Groups.TOWNSHIP_OFFICE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        removeBranchGroupGrants();
    }

    /**
     * Databases set up before the role groups carried the grants still hold each branch group's own
     * blanket grants (Tasklist access, reads on every user, group and process definition, the filters):
     * harmless, but at province scale every authorization check reads them all. They go in one
     * statement. A branch group's grants on single instances and tasks (its own cycles, the tasks it
     * is a candidate for) stay.
     */
    private void removeBranchGroupGrants() {
        int removed = jdbc.sql("""
                        delete from act_ru_authorization
                        where group_id_ like 'branch-%' and group_id_ <> ?
                        and (resource_id_ = ? or resource_type_ in (?, ?))""")
                .params(Groups.BRANCH_SECRETARIES, ANY, Resources.APPLICATION.resourceType(),
                        Resources.FILTER.resourceType())
                .update();
        if (removed > 0) {
            log.info("removed {} grants that branch groups held before the role groups carried them", removed);
        }
    }

    /** Grants the permissions to a group on one resource id, adding to an existing grant if there is one. */
    public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = EngineQueries.first(authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId));
        save(existing, resource, resourceId, permissions, a -> a.setGroupId(groupId));
    }

    /** Takes one permission out of a group's grant on one resource id, where a release before this one gave it. */
    void withholdGroup(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = EngineQueries.first(authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId));
        if (existing != null && existing.isPermissionGranted(permission)) {
            existing.removePermission(permission);
            authorizations.saveAuthorization(existing);
            log.info("withheld {} on every {} from {}", permission.getName(), resource.resourceName(), groupId);
        }
    }

    /** Deletes a group's grant on one resource id, where a release before this one gave it. */
    void withdrawGroup(String groupId, Resource resource, String resourceId) {
        Authorization existing = EngineQueries.first(authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId));
        if (existing != null) {
            authorizations.deleteAuthorization(existing.getId());
            log.info("withdrew the grant of {} on every {}", groupId, resource.resourceName());
        }
    }

    /** Grants the permissions to a single user on one resource id. */
    public void grantUser(String userId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = EngineQueries.first(authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).userIdIn(userId)
                .resourceType(resource).resourceId(resourceId));
        save(existing, resource, resourceId, permissions, a -> a.setUserId(userId));
    }

    /** Deletes a single user's grant on one resource id: they no longer do the job it was given for. */
    public void withdrawUser(String userId, Resource resource, String resourceId) {
        Authorization existing = EngineQueries.first(authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).userIdIn(userId)
                .resourceType(resource).resourceId(resourceId));
        if (existing != null) {
            authorizations.deleteAuthorization(existing.getId());
        }
    }

    /** The same for a resource created in this transaction, which cannot hold a grant yet: no lookup first. */
    public void grantUserOnNew(String userId, Resource resource, String resourceId, Permission... permissions) {
        save(null, resource, resourceId, permissions, a -> a.setUserId(userId));
    }

    private void save(Authorization existing, Resource resource, String resourceId, Permission[] permissions,
            java.util.function.Consumer<Authorization> owner) {
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            owner.accept(authorization);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
