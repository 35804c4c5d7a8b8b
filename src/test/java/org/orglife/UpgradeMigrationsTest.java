package org.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A township mid-campaign takes a new release: the schema of the previous release, with its rows,
 * migrated to this release's keeps every row. The previous release's schema is this repository's
 * migrations up to the last version it shipped.
 */
class UpgradeMigrationsTest {

    /** The last migration of the previous release. */
    static final String PREVIOUS_RELEASE = "8";

    /** The last migration of the release before the county (one township, no tenants). */
    static final String SINGLE_TOWNSHIP_RELEASE = "11";

    static org.flywaydb.core.api.configuration.FluentConfiguration flyway(JdbcDataSource db) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .baselineOnMigrate(true).baselineVersion("0");
    }

    @Test
    void thePreviousReleasesRowsStayWithTheirRecords() {
        JdbcDataSource db = engineDatabase();
        JdbcClient jdbc = JdbcClient.create(db);
        flyway(db).target(PREVIOUS_RELEASE).load().migrate();
        Timestamp due = Timestamp.from(Instant.parse("2027-02-21T10:00:00Z"));
        for (int level = 1; level <= 2; level++) {
            jdbc.sql("""
                    insert into escalation (task_id, level, cycle_id, branch_code, task_key, task_name, due_at,
                      escalated_at, supervisor_action, supervised_by, supervised_at)
                    values ('task-1', ?, '2026-DDG-02', 'DDG-02', 'draftWorkPlan', '制定工作方案', ?, ?, ?, ?, ?)""")
                    .params(level, due, due, level == 2 ? "已电话督促" : null, level == 2 ? "supervisor" : null,
                            level == 2 ? due : null)
                    .update();
        }

        oneTownshipsBranch(jdbc);
        jdbc.sql("""
                insert into party_member (id, branch_code, name, gender, birth_year, joined_on, status, leading_cadre,
                  floating_out, floating_in, newly_admitted, transferred_in, hardship, elderly, sanction)
                values ('DDG02-001', 'DDG-02', '石俊明', '男', 1970, date '1995-07-01', 'FORMAL', true, false, false,
                  false, false, false, false, 'NONE')""").update();

        flyway(db).load().migrate();

        assertThat(jdbc.sql("select count(*) from party_member where id = 'DDG02-001' and left_on is null")
                .query(Integer.class).single()).as("the members stay, none of them left").isEqualTo(1);

        assertThat(jdbc.sql("select count(*) from escalation where task_id = 'task-1'").query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select supervisor_action from escalation where level = 2").query(String.class).single())
                .as("the per-step 督办's record stays where it was").isEqualTo("已电话督促");
        assertThat(jdbc.sql("select count(*) from escalation where supervision_id is not null").query(Integer.class)
                .single()).as("taken up by no branch 督办").isZero();
        assertThat(jdbc.sql("select count(*) from supervision").query(Integer.class).single()).isZero();
    }

    /**
     * The release before the county served one township: its database comes up as that township's, every
     * row kept. Its campaigns and spot checks are the township's; every instance of a township process,
     * running or finished, with its tasks, variables, jobs and history, is in the township's tenant; the
     * overdue sweep serves every township and stays without one.
     */
    @Test
    void theSingleTownshipsDatabaseComesUpAsOneTownshipOfTheCounty() {
        JdbcDataSource db = engineDatabase();
        JdbcClient jdbc = JdbcClient.create(db);
        flyway(db).target(SINGLE_TOWNSHIP_RELEASE).load().migrate();
        oneTownshipsBranch(jdbc);
        jdbc.sql("""
                insert into campaign (review_year, plan_due_by, meetings_due_by, statistics_due_by, publicity_working_days,
                  spot_check_share, spot_check_seed, process_instance_id, launched_by, launched_at, summary_comment)
                values (2026, date '2027-01-10', date '2027-01-31', date '2027-02-10', 5, 0.2, 42, 'campaign-1',
                  'office', timestamp '2026-12-01 09:00:00', '同意')""").update();
        jdbc.sql("""
                insert into spot_check (review_year, branch_code, planned_on, mode, findings, checked_by)
                values (2026, 'DDG-02', date '2027-01-20', 'RANDOM_CHECK', '会议程序规范', 'supervisor')""").update();
        String[][] definitions = {{"def-campaign", "township-campaign"}, {"def-cycle", "branch-annual-review"},
                {"def-sweep", "overdue-sweep"}};
        for (String[] definition : definitions) {
            jdbc.sql("""
                    insert into act_re_procdef (id_, rev_, key_, version_, deployment_id_, suspension_state_)
                    values (?, 1, ?, 1, 'deployment-1', 1)""").params(definition[0], definition[1]).update();
        }
        // running: the campaign, a cycle with its task, variable, timer and task candidates, the sweep
        execution(jdbc, "campaign-1", "def-campaign");
        execution(jdbc, "cycle-1", "def-cycle");
        execution(jdbc, "sweep-1", "def-sweep");
        jdbc.sql("""
                insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_,
                  priority_, suspension_state_)
                values ('task-1', 1, 'cycle-1', 'cycle-1', 'def-cycle', '制定工作方案（西岭村党支部）', 'draftWorkPlan', 50, 1)""")
                .update();
        jdbc.sql("""
                insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
                values ('link-1', 1, 'branch-DDG-02', 'candidate', 'task-1')""").update();
        jdbc.sql("""
                insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, var_scope_, text_)
                values ('variable-1', 1, 'string', 'branchCode', 'cycle-1', 'cycle-1', 'cycle-1', 'DDG-02')""").update();
        jdbc.sql("""
                insert into act_ru_job (id_, rev_, type_, retries_, process_instance_id_, execution_id_, suspension_state_,
                  priority_, sequence_counter_)
                values ('job-1', 1, 'timer', 3, 'cycle-1', 'cycle-1', 1, 0, 1)""").update();
        jdbc.sql("""
                insert into act_ru_job (id_, rev_, type_, retries_, process_instance_id_, execution_id_, suspension_state_,
                  priority_, sequence_counter_)
                values ('job-2', 1, 'timer', 3, 'sweep-1', 'sweep-1', 1, 0, 1)""").update();
        // history: the running cycle's, and a cycle of the year before, finished
        for (String instance : new String[] {"cycle-1", "cycle-0"}) {
            jdbc.sql("""
                    insert into act_hi_procinst (id_, proc_inst_id_, proc_def_key_, proc_def_id_, start_time_,
                      root_proc_inst_id_, state_)
                    values (?, ?, 'branch-annual-review', 'def-cycle', timestamp '2026-12-01 09:00:00', ?, 'ACTIVE')""")
                    .params(instance, instance, instance).update();
        }
        jdbc.sql("""
                insert into act_hi_taskinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
                  execution_id_, name_, task_def_key_, start_time_, priority_)
                values ('task-0', 'branch-annual-review', 'def-cycle', 'cycle-0', 'cycle-0', 'cycle-0', '制定工作方案',
                  'draftWorkPlan', timestamp '2025-12-01 09:00:00', 50)""").update();

        flyway(db).load().migrate();

        assertThat(jdbc.sql("""
                select township_code || ' ' || review_year || ' ' || process_instance_id || ' ' || summary_comment
                from township_campaign""").query(String.class).list())
                .as("the campaign is the township's, as it was").containsExactly("DDG 2026 campaign-1 同意");
        assertThat(jdbc.sql("select findings from spot_check where review_year = 2026 and branch_code = 'DDG-02'")
                .query(String.class).single()).isEqualTo("会议程序规范");
        assertThat(tenants(jdbc, "select id_, tenant_id_ from act_ru_execution"))
                .containsEntry("campaign-1", "DDG").containsEntry("cycle-1", "DDG").containsEntry("sweep-1", null);
        assertThat(tenants(jdbc, "select id_, tenant_id_ from act_ru_task")).containsEntry("task-1", "DDG");
        assertThat(tenants(jdbc, "select id_, tenant_id_ from act_ru_identitylink")).containsEntry("link-1", "DDG");
        assertThat(tenants(jdbc, "select id_, tenant_id_ from act_ru_variable")).containsEntry("variable-1", "DDG");
        assertThat(tenants(jdbc, "select id_, tenant_id_ from act_ru_job"))
                .containsEntry("job-1", "DDG").containsEntry("job-2", null);
        assertThat(tenants(jdbc, "select id_, tenant_id_ from act_hi_procinst"))
                .containsEntry("cycle-1", "DDG").containsEntry("cycle-0", "DDG");
        assertThat(tenants(jdbc, "select id_, tenant_id_ from act_hi_taskinst")).containsEntry("task-0", "DDG");
        assertThat(jdbc.sql("select count(*) from act_re_procdef where tenant_id_ is not null").query(Integer.class)
                .single()).as("the definitions stay shared").isZero();
    }

    /** 大东沟镇 and its branch 西岭村, as the releases before the county wrote them. */
    private static void oneTownshipsBranch(JdbcClient jdbc) {
        jdbc.sql("insert into township (code, name) values ('DDG', '大东沟镇')").update();
        jdbc.sql("""
                insert into party_branch (code, township_code, name, kind, secretary_user, secretary_name, liaison_user,
                  liaison_name, active)
                values ('DDG-02', 'DDG', '西岭村党支部', 'VILLAGE', 'sec-DDG-02', '石俊明', 'liaison1', '钱海涛', true)""")
                .update();
    }

    private static JdbcDataSource engineDatabase() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        // the engine creates its tables before our migrations run (some of ours index and update them)
        ResourceDatabasePopulator engineTables = new ResourceDatabasePopulator();
        for (String part : new String[] {"engine", "history", "identity", "case.engine", "case.history",
                "decision.engine", "decision.history"}) {
            engineTables.addScript(new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.h2.create." + part
                    + ".sql"));
        }
        engineTables.execute(db);
        return db;
    }

    private static void execution(JdbcClient jdbc, String id, String definition) {
        jdbc.sql("""
                insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, proc_def_id_, is_active_,
                  is_concurrent_, is_scope_, is_event_scope_, suspension_state_, sequence_counter_)
                values (?, 1, ?, ?, ?, true, false, true, false, 1, 1)""").params(id, id, id, definition).update();
    }

    private static java.util.Map<String, String> tenants(JdbcClient jdbc, String sql) {
        java.util.Map<String, String> tenants = new java.util.HashMap<>();
        jdbc.sql(sql).query(rs -> {
            tenants.put(rs.getString(1), rs.getString(2));
        });
        return tenants;
    }
}
