package org.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orglife.registry.RosterImport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The postgres profile against a real PostgreSQL ({@code ./mvnw verify -Ppostgres}; .ci/run creates
 * the database {@code orglife_test}). Skipped with a message when no server answers, except in CI.
 */
@Tag("postgres")
@SpringBootTest(properties = "orglife.demo.enabled=true")
@ActiveProfiles({"postgres", "pgtest"})
class PostgresApplicationTest {

    @Autowired JdbcClient jdbc;
    @Autowired RosterImport rosterImport;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    @BeforeAll
    static void postgresIsReachable() {
        TestPostgres.assumeReachable();
    }

    @Test
    void theApplicationRunsOnPostgresqlWithTheRegistryMigrated() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select count(*) from party_branch").query(Integer.class).single()).isGreaterThanOrEqualTo(8);
        assertThat(jdbc.sql("select count(*) from party_member").query(Integer.class).single()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void theAuditTrailCanOnlyBeAppendedTo() {
        jdbc.sql("""
                insert into audit_event (cycle_id, step, action, actor, occurred_at)
                values ('2099-DDG-01', 'draftWorkPlan', '填报', 'sec-DDG-01', current_timestamp)""").update();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone'")
                .update()).hasMessageContaining("只能追加");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .hasMessageContaining("只能追加");
    }

    @Test
    void reimportingTheExampleRosterChangesNothing() throws Exception {
        RosterImport.Result again = rosterImport.importRoster(java.util.List.of(
                new RosterImport.RosterFile("roster.xlsx",
                        java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples/roster/roster.xlsx")))));
        assertThat(again.membersAdded() + again.membersChanged() + again.branchesAdded() + again.branchesChanged())
                .isZero();
    }

    @Test
    void theEngineKeepsBranchesApartOnPostgresql() {
        repositoryService.createDeployment().addClasspathResource("test-processes/branch-chore.bpmn").deploy();
        String mine = runtimeService.startProcessInstanceByKey("branch-chore", Map.of("branchCode", "DDG-01")).getId();
        runtimeService.startProcessInstanceByKey("branch-chore", Map.of("branchCode", "DDG-02"));

        java.util.List<org.camunda.bpm.engine.task.Task> visible;
        identityService.setAuthentication("sec-DDG-01", java.util.List.of("branch-DDG-01", "branch-secretaries"),
                java.util.List.of("DDG"));
        try {
            // signed in, so paged: queryMaxResultsLimit refuses unbounded lists (SECURITY.md)
            visible = taskService.createTaskQuery().processDefinitionKey("branch-chore").listPage(0, 1000);
        } finally {
            identityService.clearAuthentication();
        }
        // the database outlives a local run, so earlier runs' DDG-01 tasks may be there too
        assertThat(visible).anyMatch(task -> task.getProcessInstanceId().equals(mine))
                .allMatch(task -> "DDG-01".equals(runtimeService.getVariable(task.getProcessInstanceId(), "branchCode")));
    }
}
