package org.orglife.escalation;

import java.sql.Timestamp;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.cycle.StepNames;
import org.orglife.engine.EngineContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 逾期巡查 ({@code processes/overdue-sweep.bpmn}, every five minutes, on one node at a time): every
 * branch step that is due and not yet escalated is escalated through {@link EscalationWatch}. At most
 * {@value #BATCH} steps a run, the longest overdue first; the next run takes the rest. It also closes
 * the 督办 of every branch that has no overdue step left ({@link BranchSupervisions}).
 *
 * <p>One query finds them: the open tasks of the cycles and of their rectification follow-ups
 * ({@code rectification_follow_up}) whose due date has passed and that have no level-1 record. A step done on time is never looked at twice and costs the cycle nothing.
 */
@Component("overdueSweep")
public class OverdueSweep implements JavaDelegate {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final JdbcClient jdbc;
    private final EscalationWatch watch;
    private final BranchSupervisions supervisions;

    OverdueSweep(JdbcClient jdbc, EscalationWatch watch, BranchSupervisions supervisions) {
        this.jdbc = jdbc;
        this.watch = watch;
        this.supervisions = supervisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(EscalationVariables.ESCALATED, sweep());
    }

    /**
     * Escalates the steps that are overdue now and closes the 督办 of the branches whose overdue steps are
     * all done; returns how many steps it escalated.
     */
    public int sweep() {
        supervisions.absorbPreviousReleaseSupervisions(EngineContext.now(), BATCH);
        supervisions.closeThoseWithNothingLeft(EngineContext.now(), BATCH);
        return escalateOverdueSteps();
    }

    private int escalateOverdueSteps() {
        Timestamp now = new Timestamp(EngineContext.currentTime().getTime());
        List<EscalationRecords.Step> due = jdbc.sql("""
                select t.id_ as task_id, r.id as cycle_id, r.branch_code, t.task_def_key_ as task_key,
                       t.name_ as task_name, t.due_date_ as due_at
                from act_ru_task t
                join review_cycle r on r.process_instance_id = t.proc_inst_id_
                where t.due_date_ <= ?
                  and not exists (select 1 from escalation e where e.task_id = t.id_ and e.level = 1)
                union all
                select t.id_, r.id, r.branch_code, t.task_def_key_, t.name_, t.due_date_
                from act_ru_task t
                join rectification_follow_up f on f.process_instance_id = t.proc_inst_id_
                join review_cycle r on r.id = f.cycle_id
                where t.due_date_ <= ?
                  and not exists (select 1 from escalation e where e.task_id = t.id_ and e.level = 1)
                order by due_at, task_id
                limit ?""")
                .params(now, now, BATCH)
                .query((rs, row) -> new EscalationRecords.Step(rs.getString("task_id"), rs.getString("cycle_id"),
                        rs.getString("branch_code"), rs.getString("task_key"), StepNames.step(rs.getString("task_name")),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
        int escalated = 0;
        for (EscalationRecords.Step step : due) {
            if (watch.escalate(step)) {
                escalated++;
            }
        }
        if (escalated > 0) {
            log.info("逾期巡查：{} 个环节已逾期，已启动逾期提醒和督办", escalated);
        }
        return escalated;
    }
}
