package org.orglife.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.AsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A branch's one open 督办 ({@code processes/branch-supervision.bpmn}, a row of {@code supervision}):
 * a step two working days overdue opens it, or joins it when the branch has one open; it covers every
 * overdue step of the branch that is still open, so it gains the steps that fall overdue and drops the
 * ones done; it closes when a supervisor records what they did, or when the sweep finds nothing left.
 *
 * <p>The unique key on {@code open_branch_code} keeps it to one: of two nodes opening a branch's 督办 at
 * once, the second fails on the key, its job rolls back and, retried, joins the first's.
 */
@Service
public class BranchSupervisions {

    public static final String PROCESS_KEY = "branch-supervision";
    /** The message that ends a 督办 whose branch has no overdue step left. */
    static final String OVERDUE_STEPS_DONE = "overdueStepsDone";
    static final String SUPERVISED = "SUPERVISED";
    static final String NOTHING_LEFT = "NOTHING_LEFT";
    private static final Logger log = LoggerFactory.getLogger(BranchSupervisions.class);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;

    BranchSupervisions(JdbcClient jdbc, RuntimeService runtime, TaskService tasks) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** An open 督办 task as a person's reminders list it. */
    public record Held(String taskId, String name, Date due) {
    }

    /** An open step of a branch that has passed its due date: level 1 notified, level 2 supervised. */
    public record OverdueStep(String taskId, String taskName, Instant dueAt, int level) {
    }

    /** Takes a step that has just reached level 2 into its branch's open 督办, opening one if there is none. */
    void take(String branchCode, String stepTaskId, Instant at) {
        String supervision = open(branchCode).orElseGet(() -> {
            String id = AsSystem.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, branchCode,
                    Map.of(ReviewVariables.BRANCH_CODE, branchCode))).getId();
            jdbc.sql("""
                    insert into supervision (id, branch_code, open_branch_code, opened_at) values (?, ?, ?, ?)""")
                    .params(id, branchCode, branchCode, Timestamp.from(at)).update();
            return id;
        });
        jdbc.sql("update escalation set supervision_id = ? where task_id = ? and level = 2")
                .params(supervision, stepTaskId).update();
    }

    /** The branch's open 督办 (its process instance's id), if it has one. */
    public Optional<String> open(String branchCode) {
        return jdbc.sql("select id from supervision where open_branch_code = ?").param(branchCode)
                .query(String.class).optional();
    }

    /** The branch's steps that are open and overdue, the longest overdue first. */
    public List<OverdueStep> overdueSteps(String branchCode) {
        return jdbc.sql("""
                select e.task_id, e.task_name, e.due_at, max(e.level) as level
                from escalation e join act_ru_task t on t.id_ = e.task_id
                where e.branch_code = ?
                group by e.task_id, e.task_name, e.due_at
                order by e.due_at, e.task_id""").param(branchCode)
                .query((rs, n) -> new OverdueStep(rs.getString("task_id"), rs.getString("task_name"),
                        rs.getTimestamp("due_at").toInstant(), rs.getInt("level")))
                .list();
    }

    /** A supervisor recorded what they did: the 督办 is closed. */
    void supervised(String supervision, String action, String by, Instant at) {
        jdbc.sql("""
                update supervision set supervisor_action = ?, supervised_by = ?, supervised_at = ?,
                  open_branch_code = null, closed_at = ?, closed_because = ?
                where id = ?""").params(action, by, Timestamp.from(at), Timestamp.from(at), SUPERVISED, supervision)
                .update();
    }

    /**
     * Closes the open 督办 of every branch that has no overdue step left, ending its process by message
     * (in the sweep's transaction: a supervisor completing the task at the same moment wins, and the sweep
     * tries again). Returns how many were closed.
     */
    int closeThoseWithNothingLeft(Instant at, int limit) {
        List<String> done = jdbc.sql("""
                select s.id from supervision s
                where s.open_branch_code is not null
                  and not exists (select 1 from escalation e join act_ru_task t on t.id_ = e.task_id
                                  where e.branch_code = s.branch_code)
                order by s.opened_at, s.id
                limit ?""").param(limit).query(String.class).list();
        for (String supervision : done) {
            jdbc.sql("""
                    update supervision set open_branch_code = null, closed_at = ?, closed_because = ?
                    where id = ? and open_branch_code is not null""")
                    .params(Timestamp.from(at), NOTHING_LEFT, supervision).update();
            runtime.createMessageCorrelation(OVERDUE_STEPS_DONE).processInstanceId(supervision).correlateAll();
        }
        if (!done.isEmpty()) {
            log.info("逾期巡查：{} 个支部的逾期环节均已办结，督办已关闭", done.size());
        }
        return done.size();
    }

    /**
     * The previous release gave each overdue step a 督办 of its own (a {@code superviseOverdueStep} task of
     * {@code overdue-escalation}). Those still open move into their branch's one 督办, or end when their
     * step is done; the process instance ends with that reason, kept in its history. Returns how many.
     * Cheap when none is left: only the previous release's model has tasks ({@code ACT_IDX_TASK_PROCDEF}).
     */
    int absorbPreviousReleaseSupervisions(Instant at, int limit) {
        record PerStep(String processInstanceId, String stepTaskId, String branchCode, boolean stepOpen) {
        }
        List<PerStep> perStep = jdbc.sql("""
                select t.proc_inst_id_ as process_instance_id, v.text_ as step_task_id, b.text_ as branch_code,
                       case when exists (select 1 from act_ru_task s where s.id_ = v.text_) then 1 else 0 end as step_open
                from act_ru_task t
                join act_re_procdef d on d.id_ = t.proc_def_id_ and d.key_ = ?
                join act_ru_variable v on v.execution_id_ = t.proc_inst_id_ and v.name_ = ?
                join act_ru_variable b on b.execution_id_ = t.proc_inst_id_ and b.name_ = ?
                where t.task_def_key_ = ?
                order by t.create_time_, t.id_
                limit ?""")
                .params(EscalationWatch.PROCESS_KEY, EscalationVariables.TASK_ID, ReviewVariables.BRANCH_CODE,
                        SupervisionListener.TASK, limit)
                .query((rs, n) -> new PerStep(rs.getString("process_instance_id"), rs.getString("step_task_id"),
                        rs.getString("branch_code"), rs.getInt("step_open") == 1))
                .list();
        for (PerStep supervision : perStep) {
            if (supervision.stepOpen()) {
                take(supervision.branchCode(), supervision.stepTaskId(), at);
            }
            AsSystem.run(() -> runtime.deleteProcessInstance(supervision.processInstanceId(),
                    supervision.stepOpen() ? "转入支部督办" : "环节已办结，督办关闭", true));
        }
        if (!perStep.isEmpty()) {
            log.info("逾期巡查：上一版本的 {} 个单环节督办已转入支部督办或关闭", perStep.size());
        }
        return perStep.size();
    }

    /**
     * The open 督办 tasks a person holds, assigned to them or offered to one of their groups, the soonest
     * due first (read with the engine's authorization checks of the person, as Tasklist would): the
     * branches' 督办, and those of the other tasks named (another feature's 督办, such as a township's
     * late launch).
     */
    public List<Held> heldBy(String userId, List<String> groupIds, int limit, String... otherSupervisionTasks) {
        List<String> keys = new ArrayList<>(List.of(otherSupervisionTasks));
        keys.add(SupervisionListener.TASK);
        var query = tasks.createTaskQuery().taskDefinitionKeyIn(keys.toArray(String[]::new));
        query = groupIds.isEmpty() ? query.taskAssignee(userId)
                : query.or().taskAssignee(userId).taskCandidateGroupIn(groupIds).endOr();
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, limit).stream()
                .map(t -> new Held(t.getId(), t.getName(), t.getDueDate())).toList();
    }
}
