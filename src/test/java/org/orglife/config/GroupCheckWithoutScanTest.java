package org.orglife.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine checks a person's authorizations with all their groups instead of first reading every
 * group that holds a grant (a scan of the authorization table per command); the answers stay the same,
 * as the authorization matrix test shows for every role.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class GroupCheckWithoutScanTest {

    @Autowired ProcessEngine engine;
    @Autowired org.orglife.review.ReviewCycles reviewCycles;

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

    @Test
    void aSecretaryStillSeesHerBranchsTasksAndNoOtherBranchs() {
        reviewCycles.start("DDG-01", 2071, java.util.Map.of());
        reviewCycles.start("DDG-02", 2071, java.util.Map.of());
        var identity = engine.getIdentityService();
        identity.setAuthentication("sec-DDG-01", List.of("branch-secretaries", "branch-DDG-01", "no-such-group"));
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
