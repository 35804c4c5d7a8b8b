package org.orglife.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine checks a person's authorizations with all their groups instead of first reading every
 * group that holds a grant (a scan of the authorization table per command), and answers single checks
 * from the grants read in one query; the answers stay the engine's, as this test compares and the
 * authorization matrix test shows for every role.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class GroupCheckWithoutScanTest {

    @Autowired ProcessEngine engine;
    @Autowired org.orglife.cycle.ReviewCycles reviewCycles;

    @Test
    void theEngineKeepsThePersonsGroupsWithoutReadingAllGrantedGroups() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<String> groups = configuration.getCommandExecutorTxRequired().execute(context -> {
            AuthorizationManager manager = context.getAuthorizationManager();
            assertThat(manager).isInstanceOf(GroupCheckWithoutScan.PersonsGroupsAsTheyAre.class);
            return manager.filterAuthenticatedGroupIds(List.of("branch-DDG-01", "a-group-without-any-grant"));
        });
        assertThat(groups).containsExactlyInAnyOrder("branch-DDG-01", "a-group-without-any-grant");
    }

    /**
     * Every check answered from the grants gives the engine's own answer: for each person of the demo
     * (and one without any group), each open task, instance and definition, each filter and each
     * permission that applies, alone and as the engine combines them for completing a task; with a
     * global grant among them.
     */
    @Test
    void checksAnsweredFromTheGrantsGiveTheEnginesOwnAnswers() {
        reviewCycles.start("DDG-01", 2072, java.util.Map.of());
        Authorization global = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        global.setResource(Resources.PROCESS_DEFINITION);
        global.setResourceId("a-definition-everybody-reads");
        global.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(global);
        try {
            Map<Resource, List<String>> ids = new LinkedHashMap<>();
            ids.put(Resources.TASK, new ArrayList<>(engine.getTaskService().createTaskQuery().listPage(0, 40).stream()
                    .map(Task::getId).toList()));
            ids.put(Resources.PROCESS_INSTANCE, new ArrayList<>(engine.getRuntimeService().createProcessInstanceQuery()
                    .listPage(0, 20).stream().map(ProcessInstance::getId).toList()));
            ids.put(Resources.PROCESS_DEFINITION, new ArrayList<>(List.of("branch-annual-review", "township-campaign",
                    "a-definition-everybody-reads")));
            ids.put(Resources.APPLICATION, new ArrayList<>(List.of("tasklist", "cockpit", "admin")));
            ids.put(Resources.FILTER, new ArrayList<>(engine.getFilterService().createFilterQuery().list().stream()
                    .map(Filter::getId).toList()));
            ids.values().forEach(list -> list.addAll(java.util.Arrays.asList(Authorization.ANY, null)));
            Map<String, List<String>> people = new LinkedHashMap<>();
            people.put("sec-DDG-01", List.of("branch-secretaries", "branch-DDG-01"));
            people.put("sec-DDG-02", List.of("branch-secretaries", "branch-DDG-02"));
            people.put("liaison1", List.of("liaison-cadres"));
            people.put("office", List.of("township-office"));
            people.put("supervisor", List.of("township-supervisors"));
            people.put("nobody", List.of());

            ProcessEngineConfigurationImpl configuration =
                    (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            int compared = configuration.getCommandExecutorTxRequired().execute(context -> {
                var manager = (GroupCheckWithoutScan.PersonsGroupsAsTheyAre) context.getAuthorizationManager();
                int n = 0;
                int granted = 0;
                for (var person : people.entrySet()) {
                    for (var resource : ids.entrySet()) {
                        for (Permission permission : configuration.getPermissionProvider()
                                .getPermissionsForResource(resource.getKey().resourceType())) {
                            if (permission.getValue() == Permissions.NONE.getValue() || java.util.Arrays.stream(
                                    permission.getTypes()).noneMatch(t -> t.resourceType() == resource.getKey().resourceType())) {
                                continue;
                            }
                            for (String id : resource.getValue()) {
                                CompositePermissionCheck check = new CompositePermissionCheck();
                                check.addAtomicCheck(atomic(resource.getKey(), id, permission));
                                boolean ours = manager.isAuthorized(person.getKey(), person.getValue(), check);
                                assertThat(ours).as("%s %s on %s %s", person.getKey(), permission.getName(),
                                        resource.getKey().resourceName(), id)
                                        .isEqualTo(manager.engineAnswer(person.getKey(), person.getValue(), check));
                                n++;
                                granted += ours ? 1 : 0;
                            }
                        }
                    }
                    for (String taskId : ids.get(Resources.TASK)) {
                        // as the engine asks before a completion: work on the task, or on the definition's tasks
                        CompositePermissionCheck work = new CompositePermissionCheck(true);
                        work.addAtomicCheck(atomic(Resources.TASK, taskId, TaskPermissions.TASK_WORK));
                        work.addAtomicCheck(atomic(Resources.PROCESS_DEFINITION, "branch-annual-review",
                                ProcessDefinitionPermissions.TASK_WORK));
                        work.addAtomicCheck(atomic(Resources.TASK, taskId, Permissions.UPDATE));
                        work.addAtomicCheck(atomic(Resources.PROCESS_DEFINITION, "branch-annual-review",
                                Permissions.UPDATE_TASK));
                        CompositePermissionCheck both = new CompositePermissionCheck(false);
                        both.addAtomicCheck(atomic(Resources.TASK, taskId, Permissions.READ));
                        both.addAtomicCheck(atomic(Resources.APPLICATION, "tasklist", Permissions.ACCESS));
                        for (CompositePermissionCheck check : List.of(work, both)) {
                            assertThat(manager.isAuthorized(person.getKey(), person.getValue(), check))
                                    .as("%s on task %s", person.getKey(), taskId)
                                    .isEqualTo(manager.engineAnswer(person.getKey(), person.getValue(), check));
                            n++;
                        }
                    }
                }
                assertThat(granted).as("checks granted").isPositive().isLessThan(n);
                CompositePermissionCheck invalid = new CompositePermissionCheck();
                invalid.addAtomicCheck(atomic(Resources.APPLICATION, "tasklist", Permissions.READ));
                org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> manager.isAuthorized("office", List.of("township-office"), invalid))
                        .hasMessageContaining("ENGINE-03086");
                return n;
            });
            assertThat(compared).isGreaterThan(1000);
        } finally {
            engine.getAuthorizationService().deleteAuthorization(global.getId());
        }
    }

    private static PermissionCheck atomic(Resource resource, String id, Permission permission) {
        PermissionCheck check = new PermissionCheck();
        check.setResource(resource);
        check.setResourceId(id);
        check.setPermission(permission);
        return check;
    }

    @Test
    void aSecretaryStillSeesHerBranchsTasksAndNoOtherBranchs() {
        reviewCycles.start("DDG-01", 2071, java.util.Map.of());
        reviewCycles.start("DDG-02", 2071, java.util.Map.of());
        var identity = engine.getIdentityService();
        identity.setAuthentication("sec-DDG-01", List.of("branch-secretaries", "branch-DDG-01", "no-such-group"),
                List.of("DDG"));
        List<String> seen;
        try {
            seen = engine.getTaskService().createTaskQuery().listPage(0, 200).stream()
                    .map(task -> task.getProcessInstanceId()).toList();
        } finally {
            identity.clearAuthentication();
        }
        String own = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("2071-DDG-01")
                .singleResult().getId();
        String other = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("2071-DDG-02")
                .singleResult().getId();
        assertThat(seen).contains(own).doesNotContain(other);
    }
}
