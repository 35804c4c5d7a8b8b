package org.orglife.cycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.orglife.engine.EngineContext;
import org.orglife.engine.FormPrefill;
import org.orglife.form.FormData;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.orglife.registry.MemberRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one task listener of the cycle's user tasks ({@code #{reviewStepListener}} on create, complete
 * and delete, the name the process models use): it hands each task to the one who does the job. On
 * create, it is named after its branch too ({@link StepNames}), a step of the branch's group is the
 * secretary's (the group stays its candidates), the branch's liaison cadre and area chief may read the
 * task ({@link CycleAccess}), it gets its due date ({@link StepDeadlines}), and the
 * {@link StepObserver}s hear of it; on complete the submission goes to the task's {@link ReviewStep},
 * whose refusal rolls the completion back, and is filed in the audit trail. When a task's form is opened, its step computes what the form shows.
 */
@Component("reviewStepListener")
class StepListener implements TaskListener, FormPrefill {

    private final Map<String, ReviewStep> steps = new HashMap<>();
    private final BranchRepository branches;
    private final MemberRepository members;
    private final CycleAccess access;
    private final StepDeadlines deadlines;
    private final List<StepObserver> observers;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    StepListener(List<ReviewStep> steps, BranchRepository branches, MemberRepository members, CycleAccess access,
            StepDeadlines deadlines, List<StepObserver> observers, AuditTrail audit, JdbcClient jdbc) {
        steps.forEach(step -> this.steps.put(step.taskId(), step));
        this.branches = branches;
        this.members = members;
        this.access = access;
        this.deadlines = deadlines;
        this.observers = observers;
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
                DelegateExecution instance = task.getExecution().getProcessInstance();
                if (instance.getVariable(ReviewVariables.CYCLE_TITLE) == null) {
                    // an instance started before the title was kept on the instance
                    instance.setVariable(ReviewVariables.CYCLE_TITLE, context.title());
                }
                Branch branch = context.branch();
                task.setName(StepNames.withBranch(task.getName(), branch.name()));
                if (branch.secretary() != null && task.getCandidates().stream()
                        .anyMatch(c -> branch.groupId().equals(c.getGroupId()))) {
                    // the secretary's step is theirs from the start, the branch's group stays its candidates
                    task.setAssignee(branch.secretary().userId());
                }
                String liaisonUsers = (String) instance.getVariable(ReviewVariables.LIAISON_USERS);
                // a disposition started before its cycle's liaison users were passed on names none
                access.letLiaisonsRead(task, liaisonUsers != null ? liaisonUsers
                        : ReviewVariables.liaisonUsers(context.branch()));
                deadlines.date(task).ifPresent(due -> observers.forEach(
                        observer -> observer.opened(task, context.cycleId(), context.branchCode(), due)));
            }
            case EVENTNAME_COMPLETE -> {
                if (!stillOpen(task.getId())) {
                    // someone else completed the task after this completion had read it: its execution may
                    // already stand at a later step, so refuse it as the conflict it is before anything moves
                    throw new OptimisticLockingException("任务 " + task.getId() + " 刚被他人办理，本次提交未保存");
                }
                StepContext context = context(task);
                step.complete(context, FormData.of(task.getVariablesLocal()));
                audit.stepFiled(context.cycleId(), task.getTaskDefinitionKey(), StepNames.step(task.getName()),
                        context.userId(), context.now());
            }
            default -> { }
        }
    }

    @Override
    public Map<String, Object> valuesFor(DelegateTask task) {
        ReviewStep step = steps.get(task.getTaskDefinitionKey());
        return step == null ? null : step.prefill(context(task));
    }

    /** Reads the task's row past the engine's cache: committed completions by others are seen. */
    private boolean stillOpen(String taskId) {
        return jdbc.sql("select count(*) from act_ru_task where id_ = ?").param(taskId).query(Integer.class).single() == 1;
    }

    /**
     * The cycle is named by the instance's variables (both processes carry them from their start), read
     * from the process instance itself: a submission's variables are the task's own and never stand in
     * for them, and a step in a subprocess or beside a boundary event does not read its scope's
     * variables and the instance's executions first to find them there.
     */
    private StepContext context(DelegateTask task) {
        DelegateExecution instance = task.getExecution().getProcessInstance();
        String cycleId = (String) instance.getVariable(ReviewVariables.CYCLE_ID);
        String branchCode = (String) instance.getVariable(ReviewVariables.BRANCH_CODE);
        int year = (Integer) instance.getVariable(ReviewVariables.REVIEW_YEAR);
        return new StepContext(task, cycleId, year, branchCode, () -> branches.findByCode(branchCode)
                .orElseThrow(() -> new IllegalStateException("no branch " + branchCode + " for cycle " + cycleId)),
                currentUser(task), () -> members.findByBranch(branchCode));
    }

    private static String currentUser(DelegateTask task) {
        String user = EngineContext.signedInUser();
        if (user == null) {
            user = task.getAssignee();
        }
        return user == null ? EngineContext.SYSTEM : user;
    }
}
