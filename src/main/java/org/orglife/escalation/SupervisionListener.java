package org.orglife.escalation;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepSchedule;
import org.orglife.engine.EngineContext;
import org.orglife.engine.FormPrefill;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.registry.BranchRepository;
import org.springframework.stereotype.Component;

/**
 * 督办逾期环节, a branch's one 督办 ({@link BranchSupervisions}): named after the branch, due two working
 * days after it opens; the form lists the branch's overdue steps as they stand when it is opened (due
 * date, working days overdue, level); the supervisor records what they did, which closes it.
 *
 * <p>A 督办 task of the previous release is about one step (its instance has the step's {@code taskId}):
 * completed before the sweep moves it into its branch's 督办, it records the action on that step.
 */
@Component("supervisionListener")
class SupervisionListener implements TaskListener, FormPrefill {

    static final String TASK = "superviseOverdueStep";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final BranchSupervisions supervisions;
    private final EscalationRecords records;
    private final BranchRepository branches;
    private final StepSchedule schedule;

    SupervisionListener(BranchSupervisions supervisions, EscalationRecords records, BranchRepository branches,
            StepSchedule schedule) {
        this.supervisions = supervisions;
        this.records = records;
        this.branches = branches;
        this.schedule = schedule;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution instance = task.getExecution();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName("督办：" + branchName(branchCode(instance)) + "逾期环节");
            task.setDueDate(Date.from(schedule.level2At(schedule.at(today())).toInstant()));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            FormData form = FormData.of(task.getVariablesLocal());
            String action = form.text("supervisorAction", "督办情况", 4000, true);
            form.rejectIfProblems();
            String perStep = (String) instance.getVariable(EscalationVariables.TASK_ID);
            if (perStep != null) {
                records.recordSupervision(perStep, action, EngineContext.actor(), EngineContext.now());
            } else {
                supervisions.supervised(instance.getProcessInstanceId(), action, EngineContext.actor(),
                        EngineContext.now());
            }
        }
    }

    /** The branch's overdue steps as they stand when the supervisor opens the form. */
    @Override
    public Map<String, Object> valuesFor(DelegateTask task) {
        if (!TASK.equals(task.getTaskDefinitionKey())) {
            return null;
        }
        String branchCode = branchCode(task.getExecution());
        List<BranchSupervisions.OverdueStep> steps = supervisions.overdueSteps(branchCode);
        StringBuilder summary = new StringBuilder(branchName(branchCode)).append("（").append(branchCode).append("）");
        if (steps.isEmpty()) {
            summary.append("\n逾期环节均已办结。");
        } else {
            summary.append("有 ").append(steps.size()).append(" 个逾期环节：");
        }
        int n = 0;
        for (BranchSupervisions.OverdueStep step : steps) {
            ZonedDateTime due = step.dueAt().atZone(schedule.zone());
            summary.append("\n").append(++n).append(". ").append(step.taskName()).append("，到期日 ")
                    .append(DAY.format(due)).append("，已逾期 ").append(schedule.workingDaysOverdue(due, today()))
                    .append(" 个工作日，").append(step.level() >= 2 ? "二级（督办）" : "一级（已提醒）");
        }
        return new FormValues().put("overdueSummary", summary.toString()).toMap();
    }

    private static String branchCode(DelegateExecution instance) {
        return (String) instance.getVariable(ReviewVariables.BRANCH_CODE);
    }

    private String branchName(String branchCode) {
        return branches.findByCode(branchCode).map(b -> b.name()).orElse(branchCode);
    }

    private LocalDate today() {
        return EngineContext.now().atZone(schedule.zone()).toLocalDate();
    }
}
