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

    static org.flywaydb.core.api.configuration.FluentConfiguration flyway(JdbcDataSource db) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .baselineOnMigrate(true).baselineVersion("0");
    }

    @Test
    void thePreviousReleasesRowsStayWithTheirRecords() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(db);
        // the engine creates its tables before our migrations run (some of ours index them)
        ResourceDatabasePopulator engineTables = new ResourceDatabasePopulator();
        for (String part : new String[] {"engine", "history", "identity", "case.engine", "case.history",
                "decision.engine", "decision.history"}) {
            engineTables.addScript(new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.h2.create." + part
                    + ".sql"));
        }
        engineTables.execute(db);
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

        jdbc.sql("insert into township (code, name) values ('DDG', '大东沟镇')").update();
        jdbc.sql("""
                insert into party_branch (code, township_code, name, kind, secretary_user, secretary_name, liaison_user,
                  liaison_name, active)
                values ('DDG-02', 'DDG', '西岭村党支部', 'VILLAGE', 'sec-DDG-02', '石俊明', 'liaison1', '钱海涛', true)""")
                .update();
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
}
