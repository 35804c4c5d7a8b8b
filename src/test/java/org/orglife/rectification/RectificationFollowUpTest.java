package org.orglife.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.RectificationItemState;
import org.orglife.cycle.RectificationProgress;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.escalation.EscalationWatch;
import org.orglife.escalation.OverdueSweep;
import org.orglife.security.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 整改销号 (issue 20), driven by the engine clock and the jobs run one by one, never by sleeps: the
 * filing starts the follow-up; an item is marked done and confirmed, or returned and done again; an
 * item whose deadline passes is notified, then supervised, once; the office reopens a confirmed item
 * as 整改不到位; the follow-up ends when every item is confirmed. DDG-06's cycles of 2071 to 2073.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class RectificationFollowUpTest {

    static final CurrentUser OFFICE = new CurrentUser("office", List.of("township-office"), List.of("DDG"));

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired RectificationRecords records;
    @Autowired RectificationProgress progress;
    @Autowired RectificationFollowUps followUps;
    @Autowired OverdueSweep sweep;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** DDG-06's list of the year with three items, filed by the township on 1 March of the next year. */
    String filedList(int year) {
        TestClock.at(year + 1, 2, 21);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-06", year).jumpTo("reviewFiling");
        records.savePlan(cycle.businessKey, List.of(
                new RectificationRecords.Item(1, null, "学习不够深入", "每月集中学习一次", LocalDate.of(year + 1, 4, 30),
                        "支部书记", false),
                new RectificationRecords.Item(2, null, "联系群众不够", "每季度走访困难群众", LocalDate.of(year + 1, 5, 29),
                        "组织委员", false),
                new RectificationRecords.Item(3, null, "台账不规范", "整理三会一课台账", LocalDate.of(year + 1, 6, 29),
                        "宣传委员", false)),
                List.of(new RectificationRecords.Commitment("DDG06-001", "带头参加集中学习")));
        TestClock.at(year + 1, 3, 1);
        cycle.complete("reviewFiling", Map.of("filingDecision", "ACCEPT"));
        return cycle.businessKey;
    }

    List<ProcessInstance> followUps(String cycleId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(RectificationFollowUps.PROCESS_KEY).processInstanceBusinessKey(cycleId + "-rectification")
                .list();
    }

    Task task(String cycleId, String key, int seq) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(cycleId + "-rectification")
                .taskDefinitionKey(key).list().stream().filter(t -> t.getName().contains("第" + seq + "项"))
                .findFirst().orElseThrow(() -> new AssertionError("no open " + key + " of item " + seq));
    }

    void submit(String cycleId, String key, int seq, Map<String, Object> values) {
        engine.getFormService().submitTaskForm(task(cycleId, key, seq).getId(), values);
    }

    Object shown(String cycleId, String key, int seq, String field) {
        return engine.getFormService().getTaskFormVariables(task(cycleId, key, seq).getId()).getValue(field, Object.class);
    }

    RectificationItemState state(String cycleId, int seq) {
        return progress.item(cycleId, seq).orElseThrow().state();
    }

    int escalations(String taskId, int level) {
        return jdbc.sql("select count(*) from escalation where task_id = ? and level = ?").params(taskId, level)
                .query(Integer.class).single();
    }

    /** The overdue sweep, then the jobs of the step's escalation as they fall due, as the job executor would. */
    void sweepAndRunEscalation(String taskId) {
        sweep.sweep();
        for (int round = 0; round < 10; round++) {
            List<Job> due = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(EscalationWatch.PROCESS_KEY).processInstanceBusinessKey(taskId).list().stream()
                    .flatMap(i -> engine.getManagementService().createJobQuery().processInstanceId(i.getId())
                            .executable().list().stream())
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    @Test
    void theFilingStartsOneFollowUpWithEveryItemDueOnItsDeadline() {
        // given DDG-06's 2071 list of three items, when the township files it
        String cycleId = filedList(2071);

        // then one follow-up follows every item, each waiting for the secretary's 销号, due on its deadline at 18:00;
        // item 1's deadline, 30 April 2072, is a Saturday: it is due on the Monday
        assertThat(followUps(cycleId)).hasSize(1);
        List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(cycleId + "-rectification")
                .orderByTaskName().asc().list();
        assertThat(open).extracting(Task::getName).containsExactly("整改销号·第1项（泽丰农业科技有限公司党支部）",
                "整改销号·第2项（泽丰农业科技有限公司党支部）", "整改销号·第3项（泽丰农业科技有限公司党支部）");
        assertThat(open).extracting(Task::getAssignee).containsOnly("sec-DDG-06");
        assertThat(open.get(0).getDueDate().toInstant().atZone(TestClock.SHANGHAI).toString())
                .startsWith("2072-05-02T18:00");
        assertThat(open.get(0).getTenantId()).isEqualTo("DDG");
        assertThat(List.of(1, 2, 3)).allSatisfy(seq -> assertThat(state(cycleId, seq)).isEqualTo(RectificationItemState.OPEN));
        assertThat(shown(cycleId, "markItemDone", 2, "itemSummary")).asString()
                .contains("第 2 项：联系群众不够", "每季度走访困难群众", "2072-05-29", "组织委员");
        assertThat(shown(cycleId, "markItemDone", 1, "itemSummary")).asString()
                .contains("整改时限：2072-04-30（非工作日，顺延至 2072-05-02）");
    }

    @Test
    void anItemIsConfirmedOrReturnedAndDoneAgainAndTheFollowUpEndsWhenEveryItemIsConfirmed() {
        // given DDG-06's filed 2072 list
        String cycleId = filedList(2072);

        // when the secretary marks item 1 done and the liaison cadre confirms it
        TestClock.at(2073, 3, 10);
        submit(cycleId, "markItemDone", 1, Map.of("doneNote", "已建立每月集中学习制度，3 月已学习一次"));
        assertThat(state(cycleId, 1)).isEqualTo(RectificationItemState.MARKED);
        assertThat(task(cycleId, "confirmItem", 1).getName()).isEqualTo("确认销号·第1项（泽丰农业科技有限公司党支部）");
        assertThat(shown(cycleId, "confirmItem", 1, "doneReport")).asString()
                .contains("2073-03-10 由支部书记", "已建立每月集中学习制度");
        submit(cycleId, "confirmItem", 1, Map.of("confirmDecision", "CONFIRM"));

        // then it is 已确认销号, counted done
        RectificationProgress.Item first = progress.item(cycleId, 1).orElseThrow();
        assertThat(first.state()).isEqualTo(RectificationItemState.CONFIRMED);
        assertThat(first.confirmedOn()).isEqualTo("2073-03-10");
        assertThat(jdbc.sql("select done from rectification_item where cycle_id = ? and seq = 1").param(cycleId)
                .query(Boolean.class).single()).isTrue();

        // when item 2 is marked done, returned with a reason, shown the reason, marked done again and confirmed
        submit(cycleId, "markItemDone", 2, Map.of("doneNote", "走访了 3 户"));
        submit(cycleId, "confirmItem", 2, Map.of("confirmDecision", "RETURN", "confirmReturnReason", "走访记录未见，请补走访"));
        assertThat(state(cycleId, 2)).isEqualTo(RectificationItemState.OPEN);
        assertThat(shown(cycleId, "markItemDone", 2, "returnedReason")).isEqualTo("走访记录未见，请补走访");
        assertThat(shown(cycleId, "markItemDone", 2, "doneNote")).isEqualTo("走访了 3 户");
        submit(cycleId, "markItemDone", 2, Map.of("doneNote", "走访了 8 户困难群众，已记入台账"));
        submit(cycleId, "confirmItem", 2, Map.of("confirmDecision", "CONFIRM"));
        assertThat(state(cycleId, 2)).isEqualTo(RectificationItemState.CONFIRMED);
        assertThat(followUps(cycleId)).as("item 3 is still open").hasSize(1);

        // when the last item is done and confirmed, the follow-up ends
        submit(cycleId, "markItemDone", 3, Map.of("doneNote", "台账已整理"));
        submit(cycleId, "confirmItem", 3, Map.of("confirmDecision", "CONFIRM"));
        assertThat(followUps(cycleId)).isEmpty();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(cycleId + "-rectification").finished().count()).isEqualTo(1);
        assertThat(jdbc.sql("select action from audit_event where cycle_id = ? and step = ? order by id")
                .params(cycleId, RectificationFollowUps.AUDIT_STEP).query(String.class).list())
                .containsExactly("销号", "确认销号", "销号", "退回销号", "销号", "确认销号", "销号", "确认销号");
    }

    @Test
    void anItemPastItsDeadlineIsNotifiedThenSupervisedOnce() {
        // given DDG-06's filed 2073 list, item 1 due on 2074-04-30 at 18:00
        String cycleId = filedList(2073);
        String taskId = task(cycleId, "markItemDone", 1).getId();

        // when the sweep runs before the deadline, nothing happens
        TestClock.at(java.time.ZonedDateTime.of(2074, 4, 30, 17, 0, 0, 0, TestClock.SHANGHAI).toInstant());
        sweepAndRunEscalation(taskId);
        assertThat(escalations(taskId, 1)).isZero();

        // when the deadline passes, the secretary is notified (level 1), once however often the sweep runs
        TestClock.at(java.time.ZonedDateTime.of(2074, 4, 30, 18, 5, 0, 0, TestClock.SHANGHAI).toInstant());
        sweepAndRunEscalation(taskId);
        sweepAndRunEscalation(taskId);
        assertThat(escalations(taskId, 1)).isEqualTo(1);
        assertThat(jdbc.sql("select title from notification where task_id = ? and recipient = 'sec-DDG-06'").param(taskId)
                .query(String.class).list()).containsExactly("【逾期提醒】泽丰农业科技有限公司党支部「整改销号·第1项」已到期");
        assertThat(escalations(taskId, 2)).isZero();

        // when two working days have passed (Wednesday 2 May at 18:00), it goes to the branch's 督办, once
        TestClock.at(java.time.ZonedDateTime.of(2074, 5, 2, 17, 0, 0, 0, TestClock.SHANGHAI).toInstant());
        sweepAndRunEscalation(taskId);
        assertThat(escalations(taskId, 2)).isZero();
        TestClock.at(java.time.ZonedDateTime.of(2074, 5, 8, 9, 0, 0, 0, TestClock.SHANGHAI).toInstant());
        sweepAndRunEscalation(taskId);
        sweepAndRunEscalation(taskId);
        assertThat(escalations(taskId, 2)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from supervision where branch_code = 'DDG-06' and open_branch_code is not null")
                .query(Integer.class).single()).isEqualTo(1);

        // when the item is then marked done, the 督办 has nothing left and the sweep closes it
        submit(cycleId, "markItemDone", 1, Map.of("doneNote", "已补学"));
        sweep.sweep();
        assertThat(escalations(taskId, 1)).isEqualTo(1);
        assertThat(escalations(taskId, 2)).isEqualTo(1);
    }

    @Test
    void theOfficeReopensAConfirmedItemAndTheSecretaryIsNotified() {
        // given DDG-06's filed 2070 list whose three items are all confirmed: the follow-up has ended
        String cycleId = filedList(2070);
        TestClock.at(2071, 4, 1);
        for (int seq = 1; seq <= 3; seq++) {
            submit(cycleId, "markItemDone", seq, Map.of("doneNote", "已完成"));
            submit(cycleId, "confirmItem", seq, Map.of("confirmDecision", "CONFIRM"));
        }
        assertThat(followUps(cycleId)).isEmpty();

        // when the office finds item 1 perfunctory and reopens it with a new deadline
        TestClock.at(2071, 5, 10);
        followUps.reopen(cycleId, 1, "学习流于形式，记录雷同", "2071-06-30", OFFICE);

        // then item 1 is 整改中 again, followed by an instance of its own, due on the new deadline
        RectificationProgress.Item item = progress.item(cycleId, 1).orElseThrow();
        assertThat(item.state()).isEqualTo(RectificationItemState.OPEN);
        assertThat(item.reopenedCount()).isEqualTo(1);
        assertThat(item.status(LocalDate.of(2071, 5, 10))).isEqualTo("整改不到位，重新整改中");
        assertThat(followUps(cycleId)).hasSize(1);
        Task again = task(cycleId, "markItemDone", 1);
        assertThat(again.getAssignee()).isEqualTo("sec-DDG-06");
        assertThat(again.getDueDate().toInstant().atZone(TestClock.SHANGHAI).toLocalDate()).isEqualTo("2071-06-30");
        assertThat(shown(cycleId, "markItemDone", 1, "reopenedReason")).isEqualTo("学习流于形式，记录雷同");
        assertThat(jdbc.sql("select title from notification where recipient = 'sec-DDG-06' and task_id = ?")
                .param(again.getId()).query(String.class).list())
                .containsExactly("【整改不到位】泽丰农业科技有限公司党支部整改清单第 1 项须重新整改");
        assertThat(jdbc.sql("select actor || ':' || detail from audit_event where cycle_id = ? and action = '整改不到位'")
                .param(cycleId).query(String.class).list())
                .containsExactly("office:第 1 项：学习流于形式，记录雷同；新的整改时限 2071-06-30");

        // and an item not confirmed, or a second reopening, is refused in Chinese, writing nothing
        FollowUpRefusedException twice = catchThrowableOfType(FollowUpRefusedException.class,
                () -> followUps.reopen(cycleId, 1, "再次退回", "2071-07-31", OFFICE));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.getMessage()).contains("第 1 项尚未确认销号");
        assertThat(followUps(cycleId)).hasSize(1);

        // when it is done and confirmed again, the reopened follow-up ends too
        submit(cycleId, "markItemDone", 1, Map.of("doneNote", "重新组织学习，逐人交流"));
        submit(cycleId, "confirmItem", 1, Map.of("confirmDecision", "CONFIRM"));
        assertThat(followUps(cycleId)).isEmpty();
        assertThat(progress.item(cycleId, 1).orElseThrow().state()).isEqualTo(RectificationItemState.CONFIRMED);
    }
}
