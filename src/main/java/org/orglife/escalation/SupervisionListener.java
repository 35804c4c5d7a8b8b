package org.orglife.escalation;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
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

/** 督办逾期环节: names branch, step, due date and days overdue; the supervisor records what they did. */
@Component("supervisionListener")
class SupervisionListener implements TaskListener, FormPrefill {

    static final String TASK = "superviseOverdueStep";

    private final EscalationRecords records;
    private final BranchRepository branches;
    private final StepSchedule schedule;

    SupervisionListener(EscalationRecords records, BranchRepository branches, StepSchedule schedule) {
        this.records = records;
        this.branches = branches;
        this.schedule = schedule;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution instance = task.getExecution();
        String stepTaskId = (String) instance.getVariable(EscalationVariables.TASK_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            String branchCode = (String) instance.getVariable(ReviewVariables.BRANCH_CODE);
            task.setName("督办：" + branchName(branchCode) + "「" + instance.getVariable(EscalationVariables.TASK_NAME) + "」");
            task.setDueDate(Date.from(schedule.level2At(schedule.at(today(instance))).toInstant()));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            FormData form = FormData.of(task.getVariablesLocal());
            String action = form.text("supervisorAction", "督办情况", 4000, true);
            form.rejectIfProblems();
            records.recordSupervision(stepTaskId, action, EngineContext.actor(),
                    EngineContext.now());
        }
    }

    /** The overdue step and how many working days it is overdue, as the supervisor opens the form. */
    @Override
    public Map<String, Object> valuesFor(DelegateTask task) {
        if (!TASK.equals(task.getTaskDefinitionKey())) {
            return null;
        }
        DelegateExecution instance = task.getExecution();
        String branchCode = (String) instance.getVariable(ReviewVariables.BRANCH_CODE);
        ZonedDateTime due = due(instance);
        return new FormValues().put("overdueSummary", branchName(branchCode) + "（" + branchCode + "）\n逾期环节："
                + instance.getVariable(EscalationVariables.TASK_NAME) + "\n到期日：" + due.toLocalDate() + "\n已逾期 "
                + schedule.workingDaysOverdue(due, today(instance)) + " 个工作日").toMap();
    }

    private String branchName(String branchCode) {
        return branches.findByCode(branchCode).map(b -> b.name()).orElse(branchCode);
    }

    private ZonedDateTime due(DelegateExecution instance) {
        return ((Date) instance.getVariable(EscalationVariables.DUE_AT)).toInstant().atZone(schedule.zone());
    }

    private LocalDate today(DelegateExecution instance) {
        return EngineContext.now().atZone(due(instance).getZone()).toLocalDate();
    }
}
