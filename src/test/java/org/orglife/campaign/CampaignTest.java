package org.orglife.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orglife.statistics.StatisticsWorkbook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The township launches a year over the demo township; every branch's cycle starts with dated steps. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class CampaignTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired Campaigns campaigns;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;
    @Autowired StatisticsWorkbook workbook;

    @BeforeEach
    void at20February() {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2022, 2, 20, 9, 0, 0, 0, SHANGHAI).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Campaigns.LaunchRequest request(int year, String plan, String meetings, String statistics, int days,
            String share) {
        return new Campaigns.LaunchRequest(year, LocalDate.parse(plan), LocalDate.parse(meetings),
                LocalDate.parse(statistics), days, new BigDecimal(share));
    }

    void runJobs() {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    @Test
    void everyActiveBranchGetsItsCycleWithTheStepsDatedOnTheCalendar() {
        Campaign campaign = campaigns.launch(request(2031, "2032-02-20", "2032-02-27", "2032-03-05", 3, "0.2"), "DDG", "office");
        runJobs();

        List<String> keys = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("branch-annual-review").list().stream().map(p -> p.getBusinessKey())
                .filter(k -> k.startsWith("2031-")).sorted().toList();
        assertThat(keys).hasSize(10).contains("2031-DDG-01", "2031-DDG-10");
        Task plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2031-DDG-01")
                .taskDefinitionKey("draftWorkPlan").singleResult();
        // 2032-02-20 is a Friday; the meetings deadline 2-27 a Friday: members 2-26, committee 2-25,
        // preparation 2-24, plan review 2-20, drafting 2-19
        assertThat(day(plan.getDueDate())).isEqualTo("2032-02-19");
        assertThat(plan.getDueDate().toInstant().atZone(SHANGHAI).getHour()).isEqualTo(18);
        assertThat(day(plan.getFollowUpDate())).isEqualTo("2032-02-17");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("overdue-escalation")
                .processInstanceBusinessKey(plan.getId()).count()).as("not overdue: nothing to escalate yet").isZero();
        assertThat(jdbc.sql("select count(*) from spot_check where review_year = 2031").query(Integer.class).single())
                .isEqualTo(2);
        assertThat(campaign.spotCheckSeed()).isNotZero();
    }

    @Test
    void launchingTheSameYearTwiceIsRefused() {
        campaigns.launch(request(2032, "2033-02-20", "2033-02-28", "2033-03-05", 5, "0"), "DDG", "office");

        assertThatThrownBy(() -> campaigns.launch(request(2032, "2033-02-20", "2033-02-28", "2033-03-05", 5, "0"), "DDG",
                "office")).isInstanceOf(CampaignAlreadyLaunchedException.class)
                .hasMessage("大东沟镇2032年度的组织生活会和民主评议党员工作已经部署，不能重复部署");
    }

    @Test
    void deadlinesOutOfOrderAreRefusedWithEveryProblemAndNothingStarts() {
        assertThatThrownBy(() -> campaigns.launch(new Campaigns.LaunchRequest(2033, LocalDate.parse("2034-03-01"),
                LocalDate.parse("2034-02-28"), null, 0, new BigDecimal("1.5")), "DDG", "office"))
                .isInstanceOfSatisfying(CampaignRejectedException.class, e -> assertThat(e.problems()).containsExactly(
                        "请填写统计表报送截止日期（statisticsDueBy）",
                        "工作方案报送截止日期不能晚于会议完成截止日期",
                        "公示工作日数（publicityWorkingDays）应在 1–30 之间：0",
                        "抽查比例（spotCheckShare）应在 0–1 之间：1.5"));
        assertThat(jdbc.sql("select count(*) from township_campaign where review_year = 2033").query(Integer.class).single())
                .isZero();
    }

    @Test
    void theSpotCheckDrawIsReproducibleFromItsSeed() {
        List<String> codes = List.of("DDG-01", "DDG-02", "DDG-03", "DDG-04", "DDG-05", "DDG-06", "DDG-07", "DDG-08",
                "DDG-09", "DDG-10");
        assertThat(SpotCheckDraw.draw(codes, new BigDecimal("0.3"), 42L))
                .isEqualTo(SpotCheckDraw.draw(reversed(codes), new BigDecimal("0.3"), 42L))
                .hasSize(3);
        assertThat(SpotCheckDraw.draw(codes, BigDecimal.ZERO, 42L)).isEmpty();
    }

    @Test
    void theStatisticsTableSumsItsRowsAndListsEveryBranch() throws Exception {
        campaigns.launch(request(2034, "2035-02-20", "2035-02-28", "2035-03-05", 5, "0"), "DDG", "office");
        runJobs();
        // two branches have submitted their rows
        insertRow("2034-DDG-01", 51, 48, 3, 45, 2, 4, 16, 30, 1, 1);
        insertRow("2034-DDG-10", 4, 3, 1, 4, 0, 0, 1, 1, 1, 0);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(2034, "DDG", "大东沟镇", out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("大东沟镇2034年度");
            Row header = sheet.getRow(1);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("支部编号");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("党员总数");
            int totalRow = sheet.getLastRowNum();
            assertThat(totalRow - 2).as("one row per branch").isEqualTo(10);
            Row total = sheet.getRow(totalRow);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            for (int column = 4; column < 26; column++) {
                double sum = 0;
                for (int r = 2; r < totalRow; r++) {
                    var cell = sheet.getRow(r).getCell(column);
                    sum += cell == null ? 0 : cell.getNumericCellValue();
                }
                assertThat(total.getCell(column).getNumericCellValue()).as("column " + column).isEqualTo(sum);
            }
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(55);
            int reported = 0;
            while (!header.getCell(reported).getStringCellValue().equals("报送情况")) {
                reported++;
            }
            assertThat(sheet.getRow(2).getCell(reported).getStringCellValue()).isEqualTo("已报送");
            assertThat(sheet.getRow(3).getCell(reported).getStringCellValue()).isEqualTo("未报送");
        }
    }

    /** A name a spreadsheet would run as a formula (kept from before rosters refused them) stays text. */
    @Test
    void textBeginningLikeAFormulaIsWrittenAsText() throws Exception {
        campaigns.launch(request(2038, "2039-02-20", "2039-02-28", "2039-03-05", 5, "0"), "DDG", "office");
        runJobs();
        String name = jdbc.sql("select name from party_branch where code = 'DDG-03'").query(String.class).single();
        jdbc.sql("update party_branch set name = ? where code = 'DDG-03'").param("=HYPERLINK(\"http://x\",\"点\")").update();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(2038, "DDG", "大东沟镇", out);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                var cell = book.getSheetAt(0).getRow(4).getCell(1);
                assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"点\")");
                assertThat(cell.getCellStyle().getQuotePrefixed()).as("marked as text").isTrue();
                assertThat(book.getSheetAt(0).getRow(3).getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
            }
        } finally {
            jdbc.sql("update party_branch set name = ? where code = 'DDG-03'").param(name).update();
        }
    }

    @Test
    void theLastTwoBranchesReportingAtTheSameMomentStillTellTheCampaign() throws Exception {
        campaigns.launch(request(2036, "2037-02-20", "2037-02-26", "2037-03-05", 5, "0"), "DDG", "office");
        runJobs();
        for (int b = 1; b <= 8; b++) {
            insertRow("2036-DDG-0" + b, 2, 2, 0, 2, 0, 0, 0, 2, 0, 0);
        }
        List<org.orglife.cycle.CycleDriver> last = List.of("2036-DDG-09", "2036-DDG-10").stream()
                .map(key -> org.orglife.cycle.CycleDriver.of(engine, key).jumpTo("submitStatistics")).toList();
        Map<String, Object> statistics = new java.util.HashMap<>();
        org.orglife.statistics.BranchStatistics.COLUMNS.keySet().forEach(key -> statistics.put(key, 0));
        statistics.put("membersTotal", 2);
        statistics.put("formalMembers", 2);
        statistics.put("notGraded", 2);
        statistics.put("meetingHeld", true);
        statistics.put("statisticsConfirmed", true);

        // when both secretaries submit at once
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        List<java.util.concurrent.CompletableFuture<Void>> submissions = last.stream()
                .map(cycle -> java.util.concurrent.CompletableFuture.runAsync(() -> {
                    String task = cycle.task("submitStatistics").getId();
                    String branch = cycle.businessKey.substring("2036-".length());
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    engine.getIdentityService().setAuthentication("sec-" + branch,
                            List.of(org.orglife.identity.Groups.BRANCH_SECRETARIES, "branch-" + branch), List.of("DDG"));
                    try {
                        engine.getFormService().submitTaskForm(task, statistics);
                    } finally {
                        engine.getIdentityService().clearAuthentication();
                    }
                })).toList();
        submissions.forEach(java.util.concurrent.CompletableFuture::join);

        // then the campaign no longer waits for the statistics deadline
        String campaign = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(Campaign.businessKey("DDG", 2036)).singleResult().getId();
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(campaign)
                .eventName("allStatisticsSubmitted").count()).as("told that every branch has reported").isZero();
    }

    private void insertRow(String cycleId, int total, int formal, int probationary, int attended, int remote,
            int absent, int excellent, int qualified, int basic, int unqualified) {
        insertRow(jdbc, cycleId, total, formal, probationary, attended, remote, absent, excellent, qualified, basic,
                unqualified);
    }

    /** A branch's submitted statistics row, as the statistics step writes it. */
    static void insertRow(JdbcClient jdbc, String cycleId, int total, int formal, int probationary, int attended,
            int remote, int absent, int excellent, int qualified, int basic, int unqualified) {
        jdbc.sql("""
                insert into statistics_row (cycle_id, meeting_held, members_total, formal_members, probationary_members,
                  attended, remote, absent, floating, opinions_solicited, heart_talks, problems_committee,
                  problems_members, excellent, qualified, basically_qualified, unqualified, not_graded, excellent_cap,
                  rectification_planned, rectification_done, submitted_by, submitted_at)
                values (?, true, ?, ?, ?, ?, ?, ?, 1, 2, 3, 2, 4, ?, ?, ?, ?, ?, ?, 2, 0, 'test', current_timestamp)""")
                .params(cycleId, total, formal, probationary, attended, remote, absent, excellent, qualified, basic,
                        unqualified, probationary, formal / 3)
                .update();
    }

    private static List<String> reversed(List<String> codes) {
        List<String> copy = new java.util.ArrayList<>(codes);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String day(Date date) {
        return date.toInstant().atZone(SHANGHAI).toLocalDate().toString();
    }
}
