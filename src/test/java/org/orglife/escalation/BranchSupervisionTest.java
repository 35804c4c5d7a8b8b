package org.orglife.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.bench.CycleForms;
import org.orglife.campaign.Campaign;
import org.orglife.campaign.Campaigns;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One 督办 per branch, with the engine clock moved and the jobs run explicitly: two steps two working days
 * overdue open one 督办; a step falling overdue while it is open joins it; a step done drops out of it;
 * when no overdue step is left the sweep closes it; two nodes opening it at once leave one. Its own
 * application context (a database of its own): a branch's 督办 spans the years, so other tests' open
 * steps would stay in it.
 */
@SpringBootTest(properties = "orglife.test.context=branch-supervision")
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class BranchSupervisionTest {

    static final int YEAR = 2033;

    @Autowired Campaigns campaigns;
    @Autowired ReviewCycles reviewCycles;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;
    @Autowired OverdueSweep sweep;
    @Autowired BranchSupervisions supervisions;
    @Autowired MockMvc mvc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void at(int year, int month, int day, int hour) {
        EscalationTest.at(year, month, day, hour);
    }

    /** What the job executor does over time: the overdue sweep, then whatever has fallen due, round after round. */
    void runDueJobs() {
        sweep.sweep();
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        sweep.sweep();
    }

    /** The branch's open 督办 tasks, as the supervisors' Tasklist lists them. */
    List<Task> duBan(String branchCode) {
        return engine.getTaskService().createTaskQuery().taskDefinitionKey("superviseOverdueStep")
                .taskCandidateGroup("township-supervisors").processInstanceBusinessKey(branchCode).list();
    }

    /** What the 督办 form lists when the supervisor opens it. */
    String opened(Task duBan) {
        return engine.getFormService().getTaskFormVariables(duBan.getId()).get("overdueSummary").toString();
    }

    String supervisionOf(CycleDriver cycle, String taskKey) {
        return jdbc.sql("""
                select e.supervision_id from escalation e
                where e.cycle_id = ? and e.task_key = ? and e.level = 2""").params(cycle.businessKey, taskKey)
                .query(String.class).single();
    }

    void finish(CycleDriver cycle, String taskKey) {
        finish(cycle, taskKey, YEAR);
    }

    void finish(CycleDriver cycle, String taskKey, int year) {
        Map<String, Object> prefilled = engine.getFormService().getTaskFormVariables(cycle.task(taskKey).getId());
        Map<String, Object> values = CycleForms.values(taskKey, prefilled, year);
        if ("draftWorkPlan".equals(taskKey) && year == YEAR) {
            values.put("committeeMeetingOn", "2034-03-29");
            values.put("membersMeetingOn", "2034-03-30");
        }
        cycle.complete(taskKey, values);
    }

    @Test
    void aBranchHasOneDuBanThatGainsAndDropsItsOverdueStepsAndClosesWhenNoneIsLeft() throws Exception {
        // plans by 20 February (the draft due on the 17th), meetings by 31 March (preparation due on the 28th)
        at(2034, 2, 1, 9);
        campaigns.launch(new Campaigns.LaunchRequest(YEAR, LocalDate.of(2034, 2, 20), LocalDate.of(2034, 3, 31),
                LocalDate.of(2034, 4, 14), 5, BigDecimal.ZERO), "DDG", "office");
        String campaign = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(Campaign.businessKey("DDG", YEAR)).singleResult().getId();
        for (int round = 0; round < 5; round++) {
            engine.getManagementService().createJobQuery().processInstanceId(campaign).executable().list()
                    .forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        CycleDriver ddg03 = CycleDriver.of(engine, YEAR + "-DDG-03");

        at(2034, 2, 18, 9);
        runDueJobs();
        assertThat(duBan("DDG-03")).as("level 1 only: notices, no 督办").isEmpty();

        // two working days after the draft's due date: the branch's 督办 opens
        at(2034, 2, 21, 19);
        runDueJobs();
        assertThat(duBan("DDG-03")).singleElement().satisfies(t -> {
            assertThat(t.getName()).isEqualTo("督办：大东沟镇机关党支部逾期环节");
            assertThat(opened(t)).contains("有 1 个逾期环节").contains("制定工作方案，到期日 2034年2月17日，已逾期 2 个工作日，二级（督办）");
        });
        String first = supervisions.open("DDG-03").orElseThrow();
        assertThat(supervisionOf(ddg03, "draftWorkPlan")).isEqualTo(first);

        // the plan done late: the office's review, overdue as it opens, is in the same 督办 instead
        finish(ddg03, "draftWorkPlan");
        assertThat(duBan("DDG-03")).singleElement().satisfies(t -> assertThat(opened(t))
                .doesNotContain("制定工作方案").contains("审核工作方案，到期日 2034年2月20日，已逾期 1 个工作日，一级（已提醒）"));
        runDueJobs();
        assertThat(supervisions.open("DDG-03")).contains(first);

        // the review done: the preparation is not due before 28 March, nothing is overdue, the 督办 closes
        finish(ddg03, "reviewWorkPlan");
        runDueJobs();
        assertThat(duBan("DDG-03")).as("closed when no overdue step is left").isEmpty();
        assertThat(supervisions.open("DDG-03")).isEmpty();
        assertThat(jdbc.sql("select closed_because from supervision where id = ?").param(first).query(String.class)
                .single()).isEqualTo(BranchSupervisions.NOTHING_LEFT);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(first)
                .singleResult().getEndActivityId()).isEqualTo("endEvent_noOverdueStepLeft");
        assertThat(duBan("DDG-04")).as("a branch whose plan is still overdue keeps its 督办").hasSize(1);

        // the preparation falls overdue; the study is done before its second level
        at(2034, 3, 29, 9);
        runDueJobs();
        finish(ddg03, "organizeStudy");
        assertThat(duBan("DDG-03")).isEmpty();

        // two steps reach their second level at the same moment, their jobs on two nodes at once: one 督办
        at(2034, 3, 30, 19);
        sweep.sweep();
        runConcurrently(levelTwoJobs(ddg03));
        at(2034, 3, 30, 20);
        runDueJobs();
        String second = supervisions.open("DDG-03").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.sql("select count(*) from supervision where branch_code = 'DDG-03'").query(Integer.class)
                .single()).as("opened once more, not twice").isEqualTo(2);
        assertThat(supervisionOf(ddg03, "solicitOpinions")).isEqualTo(second);
        assertThat(supervisionOf(ddg03, "examineProblems")).isEqualTo(second);
        assertThat(duBan("DDG-03")).singleElement().satisfies(t -> assertThat(opened(t)).contains("有 2 个逾期环节")
                .contains("征求意见、开展谈心谈话，到期日 2034年3月28日，已逾期 2 个工作日，二级（督办）")
                .contains("查摆问题，到期日 2034年3月28日").doesNotContain("集中学习研讨"));

        // one done drops out; the last done opens the meetings, overdue already: they are in the same 督办
        at(2034, 3, 31, 9);
        finish(ddg03, "examineProblems");
        assertThat(opened(duBan("DDG-03").get(0))).contains("有 1 个逾期环节").doesNotContain("查摆问题");
        finish(ddg03, "solicitOpinions");
        runDueJobs();
        assertThat(duBan("DDG-03")).singleElement().satisfies(t -> assertThat(opened(t)).contains("有 2 个逾期环节")
                .contains("召开支部委员会会议，到期日 2034年3月29日，已逾期 2 个工作日，一级（已提醒）")
                .contains("召开党员大会，到期日 2034年3月30日，已逾期 1 个工作日，一级（已提醒）"));

        // their second level: they join the open 督办
        at(2034, 4, 3, 19);
        runDueJobs();
        assertThat(supervisionOf(ddg03, "holdCommitteeMeeting")).isEqualTo(second);
        assertThat(supervisionOf(ddg03, "holdMembersMeeting")).isEqualTo(second);
        Task open = duBan("DDG-03").get(0);
        assertThat(duBan("DDG-03")).hasSize(1);
        // the supervisor's 我的提醒 on the dashboard lists it, with a link to the task; a secretary's does not
        String supervisor = dashboard("supervisor", "township-supervisors");
        assertThat(supervisor).contains("督办：大东沟镇机关党支部逾期环节")
                .contains("/camunda/app/tasklist/default/#/?task=" + open.getId())
                .contains("待办督办（" + jdbc.sql("select count(*) from supervision where open_branch_code is not null")
                        .query(Integer.class).single() + " 项）").doesNotContain("暂无提醒");
        assertThat(dashboard("sec-DDG-03", "branch-secretaries", "branch-DDG-03")).doesNotContain("待办督办")
                .doesNotContain("督办：");

        // the supervisor records what they did: the 督办 is closed with it
        engine.getFormService().submitTaskForm(open.getId(), Map.of("supervisorAction", "已到支部督促，本周内开完两个会"));
        assertThat(supervisions.open("DDG-03")).isEmpty();
        assertThat(jdbc.sql("select supervisor_action from supervision where id = ?").param(second).query(String.class)
                .single()).isEqualTo("已到支部督促，本周内开完两个会");
    }

    String dashboard(String userId, String... groups) throws Exception {
        List<org.springframework.security.core.GrantedAuthority> authorities = new java.util.ArrayList<>();
        java.util.Arrays.stream(groups).map(SimpleGrantedAuthority::new).forEach(authorities::add);
        authorities.add(new org.orglife.security.TenantAuthority("DDG"));
        return mvc.perform(get("/dashboard").param("year", String.valueOf(YEAR)).with(user(userId).authorities(
                authorities)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The level-2 jobs of the cycle's steps that are due now. */
    List<Job> levelTwoJobs(CycleDriver cycle) {
        List<String> watches = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(EscalationWatch.PROCESS_KEY).variableValueEquals("cycleId", cycle.businessKey)
                .list().stream().map(p -> p.getId()).toList();
        // the level-2 timers fire, leaving the async 转入支部督办 jobs
        for (int round = 0; round < 3; round++) {
            engine.getManagementService().createJobQuery().timers().executable().list().stream()
                    .filter(j -> watches.contains(j.getProcessInstanceId()))
                    .forEach(j -> engine.getManagementService().executeJob(j.getId()));
        }
        List<Job> jobs = engine.getManagementService().createJobQuery().messages().executable().list().stream()
                .filter(j -> watches.contains(j.getProcessInstanceId())).toList();
        // (the study's escalation too, which finds its step done and does nothing)
        assertThat(jobs).as("two steps reach level 2").hasSizeGreaterThanOrEqualTo(2);
        return jobs;
    }

    /** Runs the jobs at the same moment on as many threads; a job that fails is retried later, as the executor would. */
    void runConcurrently(List<Job> jobs) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(jobs.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (Job job : jobs) {
                running.add(threads.submit(() -> {
                    start.await();
                    try {
                        engine.getManagementService().executeJob(job.getId());
                    } catch (RuntimeException failed) {
                        // the second to open the branch's 督办 fails on its unique key: retried, it joins
                        assertThat(failed).as("a job that lost the race")
                                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The previous release gave each step a 督办 of its own. After the upgrade its escalations still
     * waiting send the step to the branch's 督办 instead, and its open per-step 督办 tasks move into the
     * branch's (the step still open) or end (the step done), at the next sweep.
     */
    @Test
    void theDuBanOfThePreviousReleaseMoveIntoTheBranchsOne() {
        at(2032, 3, 1, 9);
        CycleDriver ddg07 = CycleDriver.start(engine, reviewCycles, "DDG-07", 2031);
        CycleDriver ddg08 = CycleDriver.start(engine, reviewCycles, "DDG-08", 2031);
        var previous = engine.getRepositoryService().createDeployment().name("previous release")
                .addClasspathResource("previous-release/overdue-escalation-per-step-supervision.bpmn").deploy();
        try {
            String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                    .deploymentId(previous.getId()).singleResult().getId();
            Task open = ddg07.task("draftWorkPlan");
            Task done = ddg08.task("draftWorkPlan");
            // DDG-07's plan has a per-step 督办 open; DDG-08's too, and the plan is done since
            for (Task step : List.of(open, done)) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("taskId", step.getId());
                variables.put("taskKey", "draftWorkPlan");
                variables.put("taskName", step.getName());
                variables.put("cycleId", step.getId().equals(open.getId()) ? ddg07.businessKey : ddg08.businessKey);
                variables.put("branchCode", step.getId().equals(open.getId()) ? "DDG-07" : "DDG-08");
                variables.put("dueAt", step.getDueDate());
                variables.put("level2At", new Date());
                engine.getRuntimeService().createProcessInstanceById(definition).businessKey(step.getId())
                        .setVariables(variables).startBeforeActivity("superviseOverdueStep").execute();
                jdbc.sql("""
                        insert into escalation (task_id, level, cycle_id, branch_code, task_key, task_name, due_at, escalated_at)
                        values (?, 2, ?, ?, 'draftWorkPlan', ?, ?, ?)""")
                        .params(step.getId(), variables.get("cycleId"), variables.get("branchCode"), step.getName(),
                                step.getDueDate(), new Date()).update();
            }
            finish(ddg08, "draftWorkPlan", 2031);
            assertThat(engine.getTaskService().createTaskQuery().processDefinitionId(definition).count()).isEqualTo(2);

            sweep.sweep();

            assertThat(engine.getTaskService().createTaskQuery().processDefinitionId(definition).count())
                    .as("no per-step 督办 left").isZero();
            assertThat(duBan("DDG-07")).as("the open step's 督办 is its branch's").hasSize(1);
            assertThat(jdbc.sql("select supervision_id from escalation where task_id = ? and level = 2")
                    .param(open.getId()).query(String.class).single()).isEqualTo(supervisions.open("DDG-07").orElseThrow());
            assertThat(jdbc.sql("select supervision_id from escalation where task_id = ? and level = 2")
                    .param(done.getId()).query(String.class).optional()).as("the done step's 督办 ended").isEmpty();
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionId(definition)
                    .processInstanceBusinessKeyIn(open.getId(), done.getId()).list()).extracting(p -> p.getDeleteReason())
                    .containsExactlyInAnyOrder("转入支部督办", "环节已办结，督办关闭");
        } finally {
            engine.getRepositoryService().deleteDeployment(previous.getId(), true);
        }
    }
}
