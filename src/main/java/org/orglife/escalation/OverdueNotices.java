package org.orglife.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.orglife.engine.EngineContext;
import org.orglife.engine.EngineQueries;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 逾期提醒（一级）: once a step is overdue, its candidates (everyone of the branch's township in its candidate
 * groups, its candidate users, its assignee) and the branch's liaison cadre get a notification, in the app and,
 * where mail is configured and they have an address, by e-mail. The level itself was recorded by
 * {@link EscalationWatch}; each person's notification is kept once.
 */
@Component
class OverdueNotices {

    private final EscalationRecords records;
    private final TaskService tasks;
    private final IdentityService identities;
    private final BranchRepository branches;
    private final boolean mail;

    OverdueNotices(EscalationRecords records, TaskService tasks, IdentityService identities,
            BranchRepository branches, @Value("${spring.mail.host:}") String mailHost) {
        this.records = records;
        this.tasks = tasks;
        this.identities = identities;
        this.branches = branches;
        this.mail = !mailHost.isBlank();
    }

    /** Notifies the step's people and the branch's liaison cadre that it is overdue, if it still is. */
    void notifyOverdue(EscalationRecords.Step step) {
        if (tasks.createTaskQuery().taskId(step.taskId()).count() == 0) {
            return;
        }
        Instant now = EngineContext.now();
        Branch branch = branches.findByCode(step.branchCode()).orElseThrow();
        LocalDate dueDay = step.dueAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        String title = "【逾期提醒】" + branch.name() + "「" + step.taskName() + "」已到期";
        String message = branch.name() + "的「" + step.taskName() + "」已于 " + dueDay + " 到期，尚未办结，请尽快办理。"
                + "两个工作日后仍未办结的，将报镇党委督办。";
        for (String userId : recipients(step.taskId(), branch)) {
            User user = identities.createUserQuery().userId(userId).singleResult();
            records.notify(userId, user == null ? null : user.getEmail(), step, 1, title, message, mail, now);
        }
    }
    private Set<String> recipients(String taskId, Branch branch) {
        Set<String> recipients = new LinkedHashSet<>();
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task != null && task.getAssignee() != null) {
            recipients.add(task.getAssignee());
        }
        if (task != null) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
                if (link.getUserId() != null) {
                    recipients.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    // a role group (the township office) is every township's: only the branch's township's members
                    EngineQueries.all(identities.createUserQuery().memberOfGroup(link.getGroupId())
                                    .memberOfTenant(branch.townshipCode()))
                            .forEach(u -> recipients.add(u.getId()));
                }
            }
        }
        recipients.add(branch.liaison().userId());
        return recipients;
    }
}
