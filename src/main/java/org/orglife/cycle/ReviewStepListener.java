package org.orglife.cycle;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.orglife.engine.FormPrefill;
import org.orglife.escalation.EscalationRecords;
import org.orglife.escalation.EscalationWatch;
import org.orglife.form.FormData;
import org.orglife.registry.BranchRepository;
import org.orglife.registry.MemberRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one task listener of the cycle's user tasks ({@code #{reviewStepListener}} on create and
 * complete): on create it lets the branch's liaison cadre and area chief read the task and sets its
 * due date; on complete it hands the submission to the task's {@link ReviewStep}, whose refusal rolls
 * the completion back. When a task's form is opened, its step computes what the form shows.
 */
@Component("reviewStepListener")
class ReviewStepListener implements TaskListener, FormPrefill {

    private final Map<String, ReviewStep> steps = new HashMap<>();
    private final BranchRepository branches;
    private final MemberRepository members;
    private final CycleAccess access;
    private final StepSchedule schedule;
    private final EscalationWatch escalations;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    ReviewStepListener(List<ReviewStep> steps, BranchRepository branches,
            MemberRepository members, CycleAccess access, StepSchedule schedule, EscalationWatch escalations,
            AuditTrail audit, JdbcClient jdbc) {
        steps.forEach(step -> this.steps.put(step.taskId(), step));
        this.branches = branches;
        this.members = members;
        this.access = access;
        this.schedule = schedule;
        this.escalations = escalations;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewStep step = steps.get(task.getTaskDefinitionKey());
        if (step == null) {
            throw new IllegalStateException("no step for task " + task.getTaskDefinitionKey());
        }
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                StepContext context = context(task);
                if (task.getExecution().getVariable(ReviewVariables.CYCLE_TITLE) == null) {
                    // an instance started before the title was kept on the instance
                    task.getExecution().getProcessInstance().setVariable(ReviewVariables.CYCLE_TITLE, context.title());
                }
                String liaisonUsers = (String) task.getExecution().getVariable(ReviewVariables.LIAISON_USERS);
                // a disposition started before its cycle's liaison users were passed on names none
                access.letLiaisonsRead(task, liaisonUsers != null ? liaisonUsers
                        : ReviewVariables.liaisonUsers(context.branch()));
                schedule(task, context.cycleId(), context.branchCode());
            }
            case EVENTNAME_COMPLETE -> {
                if (!stillOpen(task.getId())) {
                    // someone else completed the task after this completion had read it: its execution may
                    // already stand at a later step, so refuse it as the conflict it is before anything moves
                    throw new OptimisticLockingException("任务 " + task.getId() + " 刚被他人办理，本次提交未保存");
                }
                StepContext context = context(task);
                step.complete(context, FormData.of(task.getVariablesLocal()));
                audit.stepFiled(context.cycleId(), task.getTaskDefinitionKey(), task.getName(), context.userId(),
                        context.now());
                stopEscalation(task);
            }
            case EVENTNAME_DELETE -> stopEscalation(task);
            default -> { }
        }
    }

    @Override
    public Map<String, Object> valuesFor(DelegateTask task) {
        ReviewStep step = steps.get(task.getTaskDefinitionKey());
        return step == null ? null : step.prefill(context(task));
    }

    /**
     * In a campaign, the step is due by the schedule and due soon two working days before. The overdue
     * sweep escalates it once it is overdue; a step that opens already overdue is escalated at once.
     */
    private void schedule(DelegateTask task, String cycleId, String branchCode) {
        Deadlines deadlines = Deadlines.fromVariables(task.getExecution()::getVariable);
        if (deadlines == null) {
            return;
        }
        schedule.dueAt(task.getTaskDefinitionKey(), deadlines).ifPresent(due -> {
            task.setDueDate(Date.from(due.toInstant()));
            task.setFollowUpDate(Date.from(schedule.followUpAt(due).toInstant()));
            if (EscalationWatch.mayBeEscalated(task.getDueDate())) {
                escalations.escalate(new EscalationRecords.Step(task.getId(), cycleId, branchCode,
                        task.getTaskDefinitionKey(), task.getName(), due.toInstant()));
            }
        });
    }

    /** Only a step that was due can have an escalation to end; for one done on time this costs nothing. */
    private void stopEscalation(DelegateTask task) {
        if (EscalationWatch.mayBeEscalated(task.getDueDate())) {
            escalations.stop(task.getId());
        }
    }

    /** Reads the task's row past the engine's cache: committed completions by others are seen. */
    private boolean stillOpen(String taskId) {
        return jdbc.sql("select count(*) from act_ru_task where id_ = ?").param(taskId).query(Integer.class).single() == 1;
    }

    /**
     * The cycle is named by the instance's variables (both processes carry them from their start), read
     * from the execution: a submission's variables are the task's own and never stand in for them.
     */
    private StepContext context(DelegateTask task) {
        DelegateExecution instance = task.getExecution();
        String cycleId = (String) instance.getVariable(ReviewVariables.CYCLE_ID);
        String branchCode = (String) instance.getVariable(ReviewVariables.BRANCH_CODE);
        int year = (Integer) instance.getVariable(ReviewVariables.REVIEW_YEAR);
        return new StepContext(task, cycleId, year, branchCode, () -> branches.findByCode(branchCode)
                .orElseThrow(() -> new IllegalStateException("no branch " + branchCode + " for cycle " + cycleId)),
                currentUser(task), () -> members.findByBranch(branchCode));
    }

    private static String currentUser(DelegateTask task) {
        CommandContext commandContext = Context.getCommandContext();
        String user = commandContext == null ? null : commandContext.getAuthenticatedUserId();
        if (user == null) {
            user = task.getAssignee();
        }
        return user == null ? "system" : user;
    }
}
