package org.orglife.escalation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepSchedule;
import org.orglife.engine.EngineClock;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.registry.BranchRepository;
import org.springframework.stereotype.Component;

/** 督办逾期环节: names branch, step, due date and days overdue; the supervisor records what they did. */
@Component("supervisionListener")
class SupervisionListener implements TaskListener {

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
        String stepTaskId = (String) instance.getVariable("taskId");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            String branchCode = (String) instance.getVariable(ReviewVariables.BRANCH_CODE);
            String branchName = branches.findByCode(branchCode).map(b -> b.name()).orElse(branchCode);
            String stepName = (String) instance.getVariable("taskName");
            ZonedDateTime due = ((Date) instance.getVariable("dueAt")).toInstant().atZone(ZoneId.of("Asia/Shanghai"));
            LocalDate today = EngineClock.now().atZone(due.getZone()).toLocalDate();
            int overdue = schedule.workingDaysOverdue(due, today);
            task.setName("督办：" + branchName + "「" + stepName + "」");
            task.setDueDate(Date.from(schedule.level2At(schedule.at(today)).toInstant()));
            task.setVariablesLocal(new FormValues()
                    .put("overdueSummary", branchName + "（" + branchCode + "）\n逾期环节：" + stepName + "\n到期日："
                            + due.toLocalDate() + "\n已逾期 " + overdue + " 个工作日")
                    .put("supervisorAction", null)
                    .toMap());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            FormData form = FormData.of(task.getVariablesLocal());
            String action = form.text("supervisorAction", "督办情况", 4000, true);
            form.rejectIfProblems();
            String user = EngineClock.signedInUser();
            records.recordSupervision(stepTaskId, action, user == null ? "system" : user,
                    EngineClock.now());
        }
    }
}
