package org.orglife.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class IdentitySyncTest {

    @Autowired IdentitySync identitySync;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired FilterService filterService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    @Test
    void groupsMembershipsAndAuthorizationsExistAfterStart() {
        assertThat(identityService.createGroupQuery().groupIdIn("township-office", "township-supervisors",
                "liaison-cadres", "branch-secretaries", "branch-DDG-01", "branch-DDG-07").count()).isEqualTo(6);
        assertThat(groupsOf("sec-DDG-01")).contains("branch-secretaries", "branch-DDG-01").doesNotContain("branch-DDG-02");
        assertThat(groupsOf("liaison1")).contains("liaison-cadres");
        assertThat(groupsOf("office")).contains("township-office");
        assertThat(groupsOf("supervisor")).contains("township-supervisors");
        assertThat(groupsOf("admin")).contains("camunda-admin");

        assertThat(authorizationService.isUserAuthorized("sec-DDG-01", groupsOf("sec-DDG-01"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizationService.isUserAuthorized("sec-DDG-01", groupsOf("sec-DDG-01"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizationService.isUserAuthorized("supervisor", groupsOf("supervisor"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(authorizationService.isUserAuthorized("supervisor", groupsOf("supervisor"), Permissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, "branch-chore")).isFalse();
        // the office starts the campaign and single cycles; the other processes are the application's
        for (String started : List.of("township-campaign", "branch-annual-review")) {
            assertThat(authorizationService.isUserAuthorized("office", groupsOf("office"), Permissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION, started)).as(started).isTrue();
        }
        for (String notStarted : List.of("overdue-escalation", "unqualified-member-disposition", "branch-chore")) {
            assertThat(authorizationService.isUserAuthorized("office", groupsOf("office"), Permissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION, notStarted)).as(notStarted).isFalse();
        }
    }

    @Test
    void eachRoleSeesItsTasklistFilters() {
        assertThat(filterNamesFor("sec-DDG-01")).containsExactlyInAnyOrder("我的待办", "本支部待办", "即将到期", "已逾期");
        assertThat(filterNamesFor("liaison1")).containsExactlyInAnyOrder("我的待办", "联系支部待办", "即将到期", "已逾期");
        assertThat(filterNamesFor("office"))
                .containsExactlyInAnyOrder("我的待办", "本部门待办", "全镇各支部待办", "即将到期", "已逾期");
    }

    @Test
    void grantsABranchGroupHeldBeforeTheRoleGroupsCarriedThemAreRemovedItsTaskAndInstanceGrantsStay() {
        // a database set up by an earlier version: the branch group's own grant on Tasklist
        grantBranchGroup(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // and the kind of grant the engine gives a candidate group on its task
        Authorization onTask = grantBranchGroup(Resources.TASK, "a-task-of-DDG-01", Permissions.READ);
        long taskGrants = authorizationService.createAuthorizationQuery().groupIdIn("branch-DDG-01")
                .resourceType(Resources.TASK).count();
        // and the grant of its own cycle's instance (CycleAccess)
        Authorization onInstance = grantBranchGroup(Resources.PROCESS_INSTANCE, "an-instance-of-DDG-01",
                Permissions.READ);

        identitySync.sync();

        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("branch-DDG-01")
                .resourceType(Resources.APPLICATION).count()).isZero();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("branch-DDG-01")
                .resourceType(Resources.TASK).count()).as("candidate grants on tasks stay").isEqualTo(taskGrants);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("branch-DDG-01")
                .resourceType(Resources.PROCESS_INSTANCE).resourceId("an-instance-of-DDG-01").count())
                .as("the grant of its own cycle stays").isOne();
        authorizationService.deleteAuthorization(onTask.getId());
        authorizationService.deleteAuthorization(onInstance.getId());
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Groups.BRANCH_SECRETARIES)
                .resourceType(Resources.APPLICATION).count()).as("the role group keeps its own").isPositive();
        assertThat(authorizationService.isUserAuthorized("sec-DDG-01", groupsOf("sec-DDG-01"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
    }

    private Authorization grantBranchGroup(Resources resource, String resourceId, Permissions permission) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("branch-DDG-01");
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        return authorizationService.saveAuthorization(grant);
    }

    @Test
    void runningTheSyncAgainChangesNothing() {
        Map<String, Long> before = counts();
        identitySync.sync();
        identitySync.sync();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aSecretarySeesAndWorksOnlyTheirOwnBranchsTasks() {
        repositoryService.createDeployment().addClasspathResource("test-processes/branch-chore.bpmn").deploy();
        runtimeService.startProcessInstanceByKey("branch-chore", Map.of("branchCode", "DDG-01"));
        runtimeService.startProcessInstanceByKey("branch-chore", Map.of("branchCode", "DDG-02"));
        Task otherBranchTask = taskService.createTaskQuery().processDefinitionKey("branch-chore")
                .taskCandidateGroup("branch-DDG-02").singleResult();

        identityService.setAuthentication("sec-DDG-01", groupsOf("sec-DDG-01"), tenantsOf("sec-DDG-01"));
        // signed in, so paged: queryMaxResultsLimit refuses unbounded lists (SECURITY.md)
        List<Task> visible = taskService.createTaskQuery().processDefinitionKey("branch-chore").listPage(0, 100);

        assertThat(visible).hasSize(1);
        assertThat(taskService.getIdentityLinksForTask(visible.get(0).getId()))
                .anyMatch(link -> "branch-DDG-01".equals(link.getGroupId()));
        assertThatThrownBy(() -> taskService.complete(otherBranchTask.getId())).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.claim(otherBranchTask.getId(), "sec-DDG-01"))
                .isInstanceOf(AuthorizationException.class);
        taskService.complete(visible.get(0).getId());
    }

    private List<String> tenantsOf(String userId) {
        return identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(t -> t.getId()).toList();
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
    }

    private List<String> filterNamesFor(String userId) {
        identityService.setAuthentication(userId, groupsOf(userId), tenantsOf(userId));
        try {
            return filterService.createFilterQuery().listPage(0, 100).stream().map(f -> f.getName()).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Map<String, Long> counts() {
        long memberships = identityService.createGroupQuery().list().stream()
                .mapToLong(g -> identityService.createUserQuery().memberOfGroup(g.getId()).count()).sum();
        return Map.of(
                "users", identityService.createUserQuery().count(),
                "groups", identityService.createGroupQuery().count(),
                "memberships", memberships,
                "authorizations", authorizationService.createAuthorizationQuery().count(),
                "filters", filterService.createFilterQuery().count());
    }
}
