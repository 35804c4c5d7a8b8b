package org.orglife.campaign;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.orglife.security.TenantAuthority;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.TestClock;
import org.orglife.registry.BranchRepository;
import org.orglife.statistics.StatisticsWorkbook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The county's notice cascading down (SPEC §10), in the demo county's three townships: the county launches
 * the year with outer deadlines; each township launches within them (later is refused naming the county's
 * date, earlier is allowed); a township that launches nothing in time is escalated to the county, a
 * notice and then one 督办; the county's summary is the sum of the townships'. Driven by the engine's clock.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class CountyCampaignTest {

    @Autowired CountyCampaigns countyCampaigns;
    @Autowired Campaigns campaigns;
    @Autowired CampaignRecords records;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;
    @Autowired StatisticsWorkbook workbook;
    @Autowired BranchRepository branches;
    @Autowired MockMvc mvc;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static CountyCampaigns.LaunchRequest county(int year, int launchWithin) {
        return new CountyCampaigns.LaunchRequest(year, LocalDate.of(year + 1, 1, 20), LocalDate.of(year + 1, 2, 10),
                LocalDate.of(year + 1, 2, 24), 5, new BigDecimal("0.1"), launchWithin);
    }

    static Campaigns.LaunchRequest township(int year, String planDueBy) {
        return new Campaigns.LaunchRequest(year, LocalDate.parse(planDueBy), LocalDate.of(year + 1, 2, 10),
                LocalDate.of(year + 1, 2, 24), null, null);
    }

    @Test
    void theCountysLaunchOpensEveryTownshipsCampaignInItsOwnTownship() {
        TestClock.at(2040, 12, 3);
        countyCampaigns.launch(county(2040, 5), "county");

        Map<String, String> tenants = new LinkedHashMap<>();
        for (String township : branches.townships().keySet()) {
            ProcessInstance instance = instance(township, 2040);
            tenants.put(township, instance.getTenantId());
            assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
                    .as("waiting for the township's own launch").containsExactly("awaitTownshipLaunch");
        }
        assertThat(tenants).containsExactly(Map.entry("CDX", "CDX"), Map.entry("DDG", "DDG"), Map.entry("NCZ", "NCZ"));
        assertThat(records.findCounty(2040).orElseThrow().launchDueBy()).as("five working days on")
                .isEqualTo(LocalDate.of(2040, 12, 10));
        assertThat(records.ofYear(2040)).as("no township has launched yet").isEmpty();
        assertThatThrownBy(() -> countyCampaigns.launch(county(2040, 5), "county"))
                .isInstanceOf(CampaignAlreadyLaunchedException.class).hasMessageContaining("全县2040年度");
    }

    @Test
    void aTownshipLaunchesWithinTheCountysDeadlinesNeverLater() {
        TestClock.at(2041, 12, 3);
        countyCampaigns.launch(county(2041, 5), "county");

        assertThatThrownBy(() -> campaigns.launch(new Campaigns.LaunchRequest(2041, LocalDate.of(2042, 1, 25),
                LocalDate.of(2042, 2, 10), LocalDate.of(2042, 2, 28), 3, new BigDecimal("0.05")), "NCZ", "office-ncz"))
                .isInstanceOfSatisfying(CampaignRejectedException.class, e -> assertThat(e.problems()).containsExactly(
                        "工作方案报送截止日期（2042-01-25）不能晚于县委组织部规定的 2042-01-20",
                        "统计表报送截止日期（2042-02-28）不能晚于县委组织部规定的 2042-02-24",
                        "公示工作日数（3）不能少于县委组织部规定的 5 个工作日",
                        "抽查比例（0.05）不能低于县委组织部规定的 0.1"));
        assertThat(records.exists("NCZ", 2041)).as("nothing recorded").isFalse();
        assertThat(engine.getRuntimeService().getActiveActivityIds(instance("NCZ", 2041).getId()))
                .as("still waiting").containsExactly("awaitTownshipLaunch");

        // earlier is stricter, and allowed; what the township leaves out is the county's
        Campaign launched = campaigns.launch(township(2041, "2042-01-15"), "NCZ", "office-ncz");
        runJobs();

        assertThat(launched.deadlines().planDueBy()).isEqualTo(LocalDate.of(2042, 1, 15));
        assertThat(launched.deadlines().publicityWorkingDays()).isEqualTo(5);
        assertThat(launched.spotCheckShare()).isEqualByComparingTo("0.1");
        assertThat(launched.processInstanceId()).isEqualTo(instance("NCZ", 2041).getId());
        List<ProcessInstance> cycles = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("branch-annual-review").processInstanceBusinessKeyLike("2041-%").list();
        assertThat(cycles).extracting(ProcessInstance::getBusinessKey)
                .as("the township's own branches, none of another's")
                .containsExactlyInAnyOrder("2041-NCZ-01", "2041-NCZ-02", "2041-NCZ-03");
        assertThat(cycles).extracting(ProcessInstance::getTenantId).containsOnly("NCZ");
        Task plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2041-NCZ-01").singleResult();
        assertThat(plan.getTenantId()).isEqualTo("NCZ");
        assertThat(plan.getDueDate()).isNotNull();
    }

    @Test
    void aTownshipThatLaunchesNothingInTimeIsEscalatedToTheCountyOnce() throws Exception {
        TestClock.at(2042, 12, 1);
        countyCampaigns.launch(county(2042, 3), "county");
        campaigns.launch(township(2042, "2043-01-20"), "DDG", "office");
        campaigns.launch(township(2042, "2043-01-20"), "NCZ", "office-ncz");
        String late = instance("CDX", 2042).getId();

        // the launch deadline is 4 December, 18:00; on the 5th the notice goes to 川底乡's office and the county
        TestClock.at(2042, 12, 5);
        runJobs();
        List<String> told = jdbc.sql("select recipient from notification where task_id = ? and level = 1 order by recipient")
                .param(late).query(String.class).list();
        assertThat(told).containsExactly("county", "office-cdx");
        assertThat(records.lateLaunches(2042)).containsExactly("CDX");
        assertThat(supervisions(late)).as("no 督办 before two working days").isEmpty();

        // two working days later, the county's supervisors get one 督办 in 川底乡's tenant
        TestClock.at(2042, 12, 9);
        runJobs();
        runJobs();
        List<Task> duBan = supervisions(late);
        assertThat(duBan).hasSize(1);
        assertThat(duBan.get(0).getName()).isEqualTo("督办：川底乡部署2042年度工作");
        assertThat(duBan.get(0).getTenantId()).isEqualTo("CDX");
        assertThat(engine.getTaskService().getIdentityLinksForTask(duBan.get(0).getId()))
                .extracting(IdentityLink::getGroupId).contains("county-supervisors");
        assertThat(jdbc.sql("select count(*) from notification where task_id = ?").param(late).query(Integer.class)
                .single()).as("each person told once").isEqualTo(2);
        // the county supervisor's 我的提醒 on the dashboard lists it, with a link into Tasklist; a township's office's does not
        assertThat(dashboard("county-supervisor", List.of("county-supervisors"), List.of("DDG", "NCZ", "CDX")))
                .contains("督办：川底乡部署2042年度工作")
                .contains("/camunda/app/tasklist/default/#/?task=" + duBan.get(0).getId());
        assertThat(dashboard("office-cdx", List.of("township-office"), List.of("CDX"))).doesNotContain("督办：川底乡");

        // the township launches at last: the 督办 ends and its year goes on
        campaigns.launch(township(2042, "2043-01-20"), "CDX", "office-cdx");
        runJobs();
        assertThat(supervisions(late)).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("2042-CDX-01")
                .singleResult().getTenantId()).isEqualTo("CDX");
        assertThat(records.lateLaunches(2042)).containsExactly("CDX");
    }

    @Test
    void theCountysSummaryIsTheSumOfItsTownshipsSummaries() throws Exception {
        TestClock.at(2043, 12, 1);
        countyCampaigns.launch(county(2043, 5), "county");
        for (String township : List.of("DDG", "NCZ", "CDX")) {
            campaigns.launch(township(2043, "2044-01-20"), township, "office");
        }
        runJobs();
        insertRow("2043-DDG-01", 51, 48, 3, 45, 2, 4, 16, 30, 1, 1);
        insertRow("2043-DDG-10", 4, 3, 1, 4, 0, 0, 1, 1, 1, 0);
        insertRow("2043-NCZ-01", 14, 13, 1, 12, 1, 1, 4, 8, 1, 0);
        insertRow("2043-CDX-02", 7, 6, 1, 7, 0, 0, 2, 4, 0, 0);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.writeCounty(2043, "泽州县", branches.townships(), out);

        try (XSSFWorkbook county = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(county.getNumberOfSheets()).as("the county's total and a sheet per township").isEqualTo(4);
            Sheet summary = county.getSheetAt(0);
            assertThat(summary.getSheetName()).isEqualTo("全县汇总");
            int totalRow = summary.getLastRowNum();
            assertThat(summary.getRow(totalRow).getCell(0).getStringCellValue()).isEqualTo("合计");
            for (int t = 0; t < 3; t++) {
                Row row = summary.getRow(2 + t);
                String code = row.getCell(0).getStringCellValue();
                String name = row.getCell(1).getStringCellValue();
                // the township's own table, as its office downloads it
                ByteArrayOutputStream own = new ByteArrayOutputStream();
                workbook.write(2043, code, name, own);
                try (XSSFWorkbook township = new XSSFWorkbook(new ByteArrayInputStream(own.toByteArray()))) {
                    Sheet sheet = township.getSheetAt(0);
                    Row total = sheet.getRow(sheet.getLastRowNum());
                    assertThat(row.getCell(2).getNumericCellValue()).as(code + " branches")
                            .isEqualTo(sheet.getLastRowNum() - 2);
                    for (int column = 0; column < 18; column++) {
                        assertThat(row.getCell(4 + column).getNumericCellValue()).as(code + " column " + column)
                                .isEqualTo(total.getCell(4 + column).getNumericCellValue());
                    }
                    assertThat(county.getSheet(name).getLastRowNum()).isEqualTo(sheet.getLastRowNum());
                }
            }
            for (int column = 2; column < 22; column++) {
                double sum = 0;
                for (int r = 2; r < totalRow; r++) {
                    sum += summary.getRow(r).getCell(column).getNumericCellValue();
                }
                assertThat(summary.getRow(totalRow).getCell(column).getNumericCellValue()).as("column " + column)
                        .isEqualTo(sum);
            }
            assertThat(summary.getRow(totalRow).getCell(4).getNumericCellValue()).as("members of the four rows")
                    .isEqualTo(51 + 4 + 14 + 7);
        }
    }

    private String dashboard(String userId, List<String> groups, List<String> townships) throws Exception {
        List<GrantedAuthority> authorities = new ArrayList<>();
        groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(group)));
        townships.forEach(township -> authorities.add(new TenantAuthority(township)));
        return mvc.perform(get("/dashboard").param("year", "2042").with(user(userId).authorities(authorities)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

        private ProcessInstance instance(String township, int year) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(Campaign.businessKey(township, year)).singleResult();
    }

    private List<Task> supervisions(String instanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey("superviseTownshipLaunch").list();
    }

    private void runJobs() {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    private void insertRow(String cycleId, int total, int formal, int probationary, int attended, int remote,
            int absent, int excellent, int qualified, int basic, int unqualified) {
        CampaignTest.insertRow(jdbc, cycleId, total, formal, probationary, attended, remote, absent, excellent,
                qualified, basic, unqualified);
    }
}
