package org.orglife.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.RectificationProgress;
import org.orglife.cycle.StepSchedule;
import org.orglife.escalation.BranchSupervisions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo as a new user finds it on the first start, today: the year under review, five branches
 * moved ahead on time, the preparation due this week, the plans still drafting overdue and under
 * 督办 (as many 督办 as branches with overdue steps); DDG-03's list of the year before followed since its
 * filing, with an item overdue and under 督办 too; and a second start changes nothing.
 */
@SpringBootTest(properties = "orglife.demo.campaign=true")
@ActiveProfiles({"demo", "test"})
class DemoTest {

    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;
    @Autowired WorkingDayCalendar calendar;
    @Autowired StepSchedule schedule;
    @Autowired DemoCampaign demo;
    @Autowired RectificationProgress progress;

    @Test
    void theDemoShowsTodaysWorkDoneDueSoonAndOverdue() {
        LocalDate today = LocalDate.now(calendar.zone());
        DemoDates dates = DemoDates.around(today, calendar);
        int year = dates.year();
        // the county launched the year; 大东沟镇 and 南村镇 launched theirs within it, 川底乡 has not
        assertThat(jdbc.sql("select review_year from county_campaign").query(Integer.class).list()).containsExactly(year);
        assertThat(jdbc.sql("select township_code || ' ' || review_year from township_campaign order by 1")
                .query(String.class).list()).containsExactly("DDG " + year, "NCZ " + year);
        DemoProgress.TARGETS.forEach((branch, step) -> assertThat(openSteps(year, branch)).as(branch).contains(step));
        assertThat(openSteps(year, "DDG-07")).containsExactly("draftWorkPlan");

        // DDG-03's list of the year before, filed early this year and followed since: one item done on time,
        // one never done and overdue, one found 整改不到位 by the office and open again; its commitments kept
        String lastYear = (year - 1) + "-DDG-03";
        assertThat(jdbc.sql("select status from review_cycle where id = ?").param(lastYear).query(String.class).single())
                .isEqualTo("COMPLETED");
        List<RectificationProgress.Item> items = progress.items(lastYear);
        assertThat(items).extracting(i -> i.status(today)).containsExactly("已销号（按期完成）", "整改中（已逾期）",
                "整改不到位，重新整改中");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(lastYear + "-rectification")
                .list()).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder("markItemDone", "markItemDone");
        assertThat(jdbc.sql("select count(*) from commitment where cycle_id = ? and kept is null").param(lastYear)
                .query(Integer.class).single()).isZero();
        // and DDG-03's members' meeting this year shows them, with a 述职 built from them
        Task meeting = open(year, "DDG-03", "holdMembersMeeting");
        var shown = engine.getFormService().getTaskFormVariables(meeting.getId());
        assertThat(shown.getValue("lastYearsItems", String.class)).contains("整改中（已逾期）", "整改不到位");
        assertThat(shown.getValue("rectificationReport", String.class)).contains("上年度整改清单共 3 项");

        // the steps the demo did were done on time, so none of them escalated
        List<HistoricTaskInstance> done = engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceBusinessKeyLike(year + "-%").finished().list();
        assertThat(done).hasSizeGreaterThan(20).allSatisfy(t -> assertThat(t.getEndTime()).as(t.getName())
                .isBefore(t.getDueDate()));
        assertThat(jdbc.sql("select count(*) from escalation where branch_code in ('DDG-01', 'DDG-02', 'DDG-03', 'DDG-05')")
                .query(Integer.class).single()).isZero();

        // DDG-05's preparation is due within two working days: 即将到期, not overdue
        Task study = open(year, "DDG-05", "organizeStudy");
        assertThat(study.getDueDate().toInstant()).isAfter(Instant.now());
        assertThat(study.getFollowUpDate().toInstant()).isBefore(schedule.at(today).toInstant().plusSeconds(1));

        // what the job executor does next: the overdue steps' notices and 督办
        runDueJobs();
        Set<String> overdueBranches = new TreeSet<>();
        engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(year + "-%").dueBefore(new java.util.Date())
                .list().forEach(t -> overdueBranches.add(engine.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey().substring(5)));
        assertThat(overdueBranches).contains("DDG-04", "DDG-06", "DDG-07", "DDG-08", "DDG-09", "DDG-10")
                .doesNotContain("DDG-01", "DDG-02", "DDG-03", "DDG-05");
        // and DDG-03's item of last year's list that was never done: notified, then under the branch's 督办
        assertThat(jdbc.sql("""
                select e.task_name || ' ' || e.level from escalation e
                where e.cycle_id = ? order by e.level""").param(lastYear).query(String.class).list())
                .containsExactly("整改销号·第2项 1", "整改销号·第2项 2");
        overdueBranches.add("DDG-03");
        List<String> supervised = engine.getTaskService().createTaskQuery().taskDefinitionKey("superviseOverdueStep")
                .processDefinitionKey(BranchSupervisions.PROCESS_KEY).list().stream()
                .map(t -> engine.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey()).sorted().toList();
        assertThat(supervised).as("one 督办 per branch with overdue steps").containsExactlyElementsOf(overdueBranches);
        // 川底乡's launch is weeks late: its office and the county were told, the county's supervisors have a 督办
        List<Task> lateLaunch = engine.getTaskService().createTaskQuery().taskDefinitionKey("superviseTownshipLaunch")
                .list();
        assertThat(lateLaunch).extracting(Task::getTenantId).containsExactly("CDX");
        assertThat(jdbc.sql("select recipient from notification where township_code = 'CDX' order by recipient")
                .query(String.class).list()).containsExactly("county", "office-cdx");

        // a second start, on any day, leaves the demo as it is
        long tasks = engine.getTaskService().createTaskQuery().count();
        demo.create();
        assertThat(jdbc.sql("select count(*) from township_campaign").query(Integer.class).single()).isEqualTo(2);
        assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(tasks);
    }

    List<String> openSteps(int year, String branch) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(year + "-" + branch).list().stream()
                .map(Task::getTaskDefinitionKey).sorted().toList();
    }

    Task open(int year, String branch, String step) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(year + "-" + branch)
                .taskDefinitionKey(step).singleResult();
    }

    void runDueJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }
}
