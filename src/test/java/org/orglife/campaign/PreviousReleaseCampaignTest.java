package org.orglife.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.Deadlines;
import org.orglife.cycle.ReviewVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A campaign of the release before the county, launched and running when the upgrade came, goes on: its
 * definition (previous-release/township-campaign.bpmn) had no township variable, and the upgrade (V12)
 * put its instance into the one township's tenant and its record (V13) into the township's campaigns.
 * Its summary is assembled and approved as the township's. In a context of its own: the previous
 * definition is deployed here and removed afterwards.
 */
@SpringBootTest(properties = "orglife.test.context=previous-campaign")
@ActiveProfiles({"demo", "test"})
class PreviousReleaseCampaignTest {

    static final int YEAR = 2045;

    @Autowired ProcessEngine engine;
    @Autowired CampaignRecords records;
    @Autowired JdbcClient jdbc;

    @Test
    void aCampaignOfTheSingleTownshipReleaseIsSummarizedAsItsTownships() {
        Deployment previous = engine.getRepositoryService().createDeployment().name("previous release")
                .addClasspathResource("previous-release/township-campaign.bpmn").deploy();
        try {
            String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                    .deploymentId(previous.getId()).singleResult().getId();
            Deadlines deadlines = new Deadlines(LocalDate.of(YEAR + 1, 1, 20), LocalDate.of(YEAR + 1, 2, 10),
                    LocalDate.of(YEAR + 1, 2, 24), 5);
            // as it stood: its statistics deadline passed, its summary about to be assembled (an async step)
            Map<String, Object> variables = new HashMap<>(deadlines.asVariables());
            variables.put(ReviewVariables.REVIEW_YEAR, YEAR);
            variables.put(CampaignVariables.STATISTICS_DEADLINE_AT, new Date());
            String instance = engine.getRuntimeService().createProcessInstanceById(definition)
                    .businessKey("campaign-" + YEAR).setVariables(variables)
                    .startBeforeActivity("serviceTask_assembleSummary").execute().getId();
            records.insert(new Campaign("DDG", YEAR, deadlines, BigDecimal.ZERO, 1L, instance, "office", Instant.now()));
            // what the upgrade did to it
            for (String table : new String[] {"act_ru_execution", "act_ru_variable", "act_ru_task"}) {
                jdbc.sql("update " + table + " set tenant_id_ = 'DDG' where proc_inst_id_ = ?").param(instance).update();
            }
            jdbc.sql("update act_ru_job set tenant_id_ = 'DDG' where process_instance_id_ = ?").param(instance).update();
            jdbc.sql("update act_hi_procinst set tenant_id_ = 'DDG' where proc_inst_id_ = ?").param(instance).update();

            for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance).list()) {
                engine.getManagementService().executeJob(job.getId());
            }
            Task approve = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey("approveTownshipSummary").singleResult();
            assertThat(approve.getTenantId()).isEqualTo("DDG");
            assertThat((String) engine.getFormService().getTaskFormVariables(approve.getId()).getValue("summaryText",
                    String.class)).startsWith(YEAR + "年度全镇汇总");
            engine.getFormService().submitTaskForm(approve.getId(), Map.of("summaryApproved", true,
                    "summaryComment", "同意上报"));

            Campaign campaign = records.find("DDG", YEAR).orElseThrow();
            assertThat(jdbc.sql("""
                    select summary_approved_by || ' ' || summary_comment from township_campaign
                    where township_code = 'DDG' and review_year = ?""").param(YEAR).query(String.class).single())
                    .endsWith("同意上报");
            assertThat(campaign.processInstanceId()).isEqualTo(instance);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
                    .as("the previous release's campaign ended").isZero();
        } finally {
            engine.getRepositoryService().deleteDeployment(previous.getId(), true);
        }
    }
}
