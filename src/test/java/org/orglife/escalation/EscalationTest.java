package org.orglife.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orglife.campaign.Campaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Overdue steps with the engine clock moved and the timer jobs run explicitly: level 1 at the due date
 * (in the app and by mail through an in-process SMTP server), level 2 two working days later (the
 * branch's 督办, see {@link BranchSupervisionTest}), nothing for steps done on time, nothing twice.
 */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "orglife.mail.poll-interval=PT1H"})
@ActiveProfiles({"demo", "test"})
class EscalationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired Campaigns campaigns;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;
    @Autowired NotificationMailer mailer;
    @Autowired Notifications notifications;
    @Autowired OverdueSweep sweep;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void at(int year, int month, int day, int hour) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, hour, 1, 0, 0, SHANGHAI).toInstant()));
    }

    /** What the job executor does over time: the overdue sweep, then whatever has fallen due. */
    void runDueJobs() {
        sweep.sweep();
        runJobs(() -> engine.getManagementService().createJobQuery().executable());
    }

    /** Runs the jobs the query finds, round after round, as the job executor would, until none is left. */
    void runJobs(java.util.function.Supplier<org.camunda.bpm.engine.runtime.JobQuery> due) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = due.get().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    Task draftWorkPlan(String branchCode) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2021-" + branchCode)
                .taskDefinitionKey("draftWorkPlan").singleResult();
    }

    int escalations(String branchCode, int level) {
        return jdbc.sql("select count(*) from escalation where cycle_id = ? and level = ? and task_key = 'draftWorkPlan'")
                .params("2021-" + branchCode, level).query(Integer.class).single();
    }

    /** What a person's Tasklist filter lists right now: branch name and task key of each task. */
    List<String> filtered(String userId, String filterName) {
        var identity = engine.getIdentityService();
        org.orglife.cycle.TestSignIn.as(identity, userId);
        try {
            var filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
            List<Task> tasks = engine.getFilterService().listPage(filter.getId(), 0, 200);
            return tasks.stream().filter(t -> t.getProcessInstanceId() != null)
                    .map(t -> engine.getRuntimeService().createProcessInstanceQuery()
                            .processInstanceId(t.getProcessInstanceId()).singleResult())
                    .filter(p -> p != null && p.getBusinessKey() != null && p.getBusinessKey().startsWith("2021-"))
                    .map(p -> branchName(p.getBusinessKey().substring(5)) + ":" + tasks.stream()
                            .filter(t -> t.getProcessInstanceId().equals(p.getId())).findFirst().get().getTaskDefinitionKey())
                    .toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    String branchName(String code) {
        return jdbc.sql("select name from party_branch where code = ?").param(code).query(String.class).single();
    }

    void submitPlan(String branchCode) {
        engine.getFormService().submitTaskForm(draftWorkPlan(branchCode).getId(), Map.of(
                "committeeMeetingOn", "2022-02-24", "membersMeetingOn", "2022-02-25", "venue", "村委会议室",
                "studyTopics", "学习党的十九届六中全会精神", "membersMeetingForm", "WHOLE"));
    }

    @Test
    void overdueStepsAreNotifiedAtTheDueDateAndSupervisedTwoWorkingDaysLaterOnlyOnce() throws Exception {
        at(2022, 2, 20, 9);
        campaigns.launch(new Campaigns.LaunchRequest(2021, LocalDate.of(2022, 2, 22), LocalDate.of(2022, 2, 28),
                LocalDate.of(2022, 3, 5), 5, BigDecimal.ZERO), "DDG", "office");
        runDueJobs();
        assertThat(draftWorkPlan("DDG-01").getDueDate().toInstant().atZone(SHANGHAI).toLocalDate())
                .isEqualTo("2022-02-21");
        assertThat(filtered("sec-DDG-02", "即将到期")).containsExactly("西岭村党支部:draftWorkPlan");
        assertThat(filtered("sec-DDG-02", "已逾期")).isEmpty();

        at(2022, 2, 21, 10);
        submitPlan("DDG-01");
        at(2022, 2, 21, 18);
        runDueJobs();

        assertThat(escalations("DDG-01", 1)).as("done on time: never escalates").isZero();
        assertThat(filtered("sec-DDG-02", "已逾期")).containsExactly("西岭村党支部:draftWorkPlan");
        assertThat(filtered("sec-DDG-02", "即将到期")).isEmpty();
        assertThat(filtered("office", "已逾期")).hasSizeGreaterThanOrEqualTo(9).doesNotContain("大东沟村党支部:draftWorkPlan");
        assertThat(escalations("DDG-02", 1)).isEqualTo(1);
        assertThat(notifications.of("sec-DDG-02", 10)).singleElement()
                .satisfies(n -> assertThat(n.get("title")).isEqualTo("【逾期提醒】西岭村党支部「制定工作方案」已到期"));
        assertThat(notifications.of("liaison1", 50)).extracting(n -> n.get("branchCode"))
                .contains("DDG-02", "DDG-07").doesNotContain("DDG-03");

        mailer.sendPending();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).isNotEmpty();
        MimeMessage toSecretary = null;
        for (MimeMessage mail : mails) {
            if (GreenMailUtil.getAddressList(mail.getAllRecipients()).contains("sec-ddg-02@dadonggou.example")) {
                toSecretary = mail;
            }
        }
        assertThat(toSecretary).isNotNull();
        assertThat(toSecretary.getSubject()).isEqualTo("【逾期提醒】西岭村党支部「制定工作方案」已到期");
        assertThat(toSecretary.getContent().toString()).contains("西岭村党支部的「制定工作方案」已于 2022-02-21 到期");
        int sent = mails.length;
        mailer.sendPending();
        assertThat(smtp.getReceivedMessages()).as("each mail once").hasSize(sent);

        at(2022, 2, 22, 9);
        submitPlan("DDG-03");
        at(2022, 2, 23, 18);
        runDueJobs();
        runDueJobs();

        assertThat(escalations("DDG-03", 1)).isEqualTo(1);
        assertThat(escalations("DDG-03", 2)).as("finished late: escalation stops").isZero();
        assertThat(escalations("DDG-02", 2)).isEqualTo(1);
        assertThat(escalations("DDG-02", 1)).as("not twice").isEqualTo(1);
        assertThat(notifications.of("sec-DDG-02", 10)).hasSize(1);
        List<Task> supervision = engine.getTaskService().createTaskQuery().taskDefinitionKey("superviseOverdueStep")
                .taskCandidateGroup("township-supervisors").list();
        assertThat(supervision).hasSize(8);
        Task ddg02 = supervision.stream().filter(t -> t.getName().contains("西岭村党支部")).findFirst().orElseThrow();
        assertThat(ddg02.getName()).isEqualTo("督办：西岭村党支部逾期环节");
        // what the form shows when the supervisor opens it
        assertThat(engine.getFormService().getTaskFormVariables(ddg02.getId()).get("overdueSummary").toString())
                .contains("制定工作方案，到期日 2022年2月21日，已逾期 2 个工作日，二级（督办）");

        engine.getFormService().submitTaskForm(ddg02.getId(), Map.of("supervisorAction", "已电话督促支部书记，当天完成"));
        assertThat(jdbc.sql("""
                select s.supervisor_action from supervision s join escalation e on e.supervision_id = s.id
                where e.cycle_id = '2021-DDG-02' and e.level = 2""").query(String.class).single())
                .isEqualTo("已电话督促支部书记，当天完成");
    }

    int levelOneRecords(int year) {
        return jdbc.sql("select count(*) from escalation where cycle_id like ? and level = 1")
                .param(year + "-%").query(Integer.class).single();
    }

    @Test
    void theSweepIsATimerOfItsOwnProcessAndEscalatesEachOverdueStepOnce() {
        at(2024, 2, 1, 9);
        campaigns.launch(new Campaigns.LaunchRequest(2023, LocalDate.of(2024, 2, 20), LocalDate.of(2024, 2, 28),
                LocalDate.of(2024, 3, 8), 5, BigDecimal.ZERO), "DDG", "office");
        runJobsOfCampaign(2023);
        assertThat(levelOneRecords(2023)).as("nothing is due yet").isZero();

        at(2024, 2, 20, 9);
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("overdue-sweep").timers()
                .singleResult();
        assertThat(timer).as("the sweep's own timer").isNotNull();
        engine.getManagementService().executeJob(timer.getId());

        assertThat(levelOneRecords(2023)).as("every branch's plan was due on 2-19").isEqualTo(10);
        Task plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2023-DDG-04")
                .taskDefinitionKey("draftWorkPlan").singleResult();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("overdue-escalation")
                .processInstanceBusinessKey(plan.getId()).count()).isEqualTo(1);
        Job next = engine.getManagementService().createJobQuery().processDefinitionKey("overdue-sweep").timers()
                .singleResult();
        assertThat(next.getDuedate()).as("the next run, five minutes on").isAfter(ClockUtil.getCurrentTime());
        assertThat(sweep.sweep()).as("a second run finds nothing new").isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("overdue-escalation")
                .processInstanceBusinessKey(plan.getId()).count()).isEqualTo(1);
    }

    @Test
    void aStepThatOpensAlreadyOverdueIsEscalatedAtOnce() {
        at(2027, 3, 1, 9);
        campaigns.launch(new Campaigns.LaunchRequest(2025, LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 27),
                LocalDate.of(2026, 3, 6), 5, BigDecimal.ZERO), "DDG", "office");
        runJobsOfCampaign(2025);

        assertThat(levelOneRecords(2025)).isEqualTo(10);
    }

    /**
     * A step done while its escalation's jobs still wait: its completion does not touch the escalation
     * (ending it there raced with those jobs), and the escalation finds out by itself. No notice is sent
     * for it, no 督办 opened, and it ends at its second level's time.
     */
    @Test
    void aStepDoneWhileItsEscalationWaitsIsNeitherNoticedNorSupervisedAndItsEscalationEnds() {
        at(2030, 2, 1, 9);
        campaigns.launch(new Campaigns.LaunchRequest(2029, LocalDate.of(2030, 2, 20), LocalDate.of(2030, 2, 28),
                LocalDate.of(2030, 3, 8), 5, BigDecimal.ZERO), "DDG", "office");
        runJobsOfCampaign(2029);
        at(2030, 2, 20, 9);
        assertThat(sweep.sweep()).as("every branch's plan fell due").isEqualTo(10);
        Task plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2029-DDG-05")
                .taskDefinitionKey("draftWorkPlan").singleResult();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("overdue-escalation")
                .processInstanceBusinessKey(plan.getId()).count()).as("its escalation waits to notify").isEqualTo(1);

        engine.getFormService().submitTaskForm(plan.getId(), Map.of("committeeMeetingOn", "2030-02-24",
                "membersMeetingOn", "2030-02-25", "venue", "卫生院会议室", "studyTopics", "学习党章",
                "membersMeetingForm", "WHOLE"));
        runJobs(() -> engine.getManagementService().createJobQuery().executable());
        at(2030, 2, 25, 18);
        runJobs(() -> engine.getManagementService().createJobQuery().executable());

        assertThat(jdbc.sql("select count(*) from notification where task_id = ?").param(plan.getId())
                .query(Integer.class).single()).as("no notice for a step done").isZero();
        assertThat(jdbc.sql("select count(*) from escalation where task_id = ? and level = 2").param(plan.getId())
                .query(Integer.class).single()).as("no 督办 for a step done").isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(plan.getId())
                .count()).as("its escalation ended").isZero();
        assertThat(jdbc.sql("""
                select count(*) from escalation
                where cycle_id like '2029-%' and level = 2 and task_key = 'draftWorkPlan'""")
                .query(Integer.class).single()).as("the nine plans still open are supervised").isEqualTo(9);
    }

    /**
     * An escalation started by the previous release runs on its own model, which waits for a message
     * that nobody correlates any more: it too sends nothing for a step done and ends at its timer.
     */
    @Test
    void anEscalationOfThePreviousReleaseEndsWithoutADuBanForAStepDone() {
        at(2032, 2, 1, 9);
        campaigns.launch(new Campaigns.LaunchRequest(2031, LocalDate.of(2032, 2, 20), LocalDate.of(2032, 2, 27),
                LocalDate.of(2032, 3, 8), 5, BigDecimal.ZERO), "DDG", "office");
        runJobsOfCampaign(2031);
        at(2032, 2, 20, 9);
        Task plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2031-DDG-07")
                .taskDefinitionKey("draftWorkPlan").singleResult();
        var previous = engine.getRepositoryService().createDeployment().name("previous release")
                .addClasspathResource("previous-release/overdue-escalation.bpmn").deploy();
        try {
            String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                    .deploymentId(previous.getId()).singleResult().getId();
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("taskId", plan.getId());
            variables.put("taskKey", "draftWorkPlan");
            variables.put("taskName", plan.getName());
            variables.put("cycleId", "2031-DDG-07");
            variables.put("branchCode", "DDG-07");
            variables.put("dueAt", plan.getDueDate());
            variables.put("level2At", Date.from(ZonedDateTime.of(2032, 2, 24, 9, 0, 0, 0, SHANGHAI).toInstant()));
            engine.getRuntimeService().startProcessInstanceById(definition, plan.getId(), variables);

            engine.getFormService().submitTaskForm(plan.getId(), Map.of("committeeMeetingOn", "2032-02-24",
                    "membersMeetingOn", "2032-02-25", "venue", "会议室", "studyTopics", "学习党章",
                    "membersMeetingForm", "WHOLE"));
            at(2032, 2, 25, 18);
            runJobs(() -> engine.getManagementService().createJobQuery().processDefinitionId(definition).executable());

            assertThat(jdbc.sql("select count(*) from notification where task_id = ?").param(plan.getId())
                    .query(Integer.class).single()).isZero();
            assertThat(engine.getTaskService().createTaskQuery().processDefinitionId(definition).count())
                    .as("no 督办").isZero();
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definition).count())
                    .as("ended at its timer").isZero();
        } finally {
            engine.getRepositoryService().deleteDeployment(previous.getId(), true);
        }
    }

    /**
     * An office's step overdue (the plan's review) is told to the office of the branch's township, not to
     * every township's: the candidate group {@code township-office} is the county's, its members of one
     * township each.
     */
    @Test
    void anOfficesOverdueStepIsToldToItsOwnTownshipsOfficeOnly() {
        at(2038, 2, 1, 9);
        campaigns.launch(new Campaigns.LaunchRequest(2037, LocalDate.of(2038, 2, 10), LocalDate.of(2038, 2, 28),
                LocalDate.of(2038, 3, 8), 5, BigDecimal.ZERO), "DDG", "office");
        runJobsOfCampaign(2037);
        Task plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2037-DDG-03")
                .taskDefinitionKey("draftWorkPlan").singleResult();
        engine.getFormService().submitTaskForm(plan.getId(), Map.of("committeeMeetingOn", "2038-02-20",
                "membersMeetingOn", "2038-02-21", "venue", "会议室", "studyTopics", "学习党章",
                "membersMeetingForm", "WHOLE"));
        Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2037-DDG-03")
                .taskDefinitionKey("reviewWorkPlan").singleResult();

        at(2038, 3, 20, 9);
        sweep.sweep();
        runJobs(() -> engine.getManagementService().createJobQuery().executable());

        assertThat(jdbc.sql("select recipient from notification where task_id = ? order by recipient")
                .param(review.getId()).query(String.class).list()).contains("office")
                .doesNotContain("office-ncz", "office-cdx");
    }

    /** The campaign's own jobs only (its cycles start): no sweep, so what escalates did so by itself. */
    void runJobsOfCampaign(int year) {
        String campaign = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(org.orglife.campaign.Campaign.businessKey("DDG", year)).singleResult().getId();
        runJobs(() -> engine.getManagementService().createJobQuery().processInstanceId(campaign).executable());
    }
}
