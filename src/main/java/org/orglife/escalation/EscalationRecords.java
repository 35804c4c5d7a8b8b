package org.orglife.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Escalations and notifications, each written at most once: the insert only happens when the row's
 * unique key is free, so a retried job or a second engine node does not repeat it (and a concurrent
 * duplicate fails on the key, rolls back and, retried, finds the row).
 */
@Repository
public class EscalationRecords {

    private final JdbcClient jdbc;

    EscalationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Step(String taskId, String cycleId, String branchCode, String taskKey, String taskName, Instant dueAt) {
    }

    /** True if this call recorded the escalation, false if it had been recorded before. */
    public boolean escalate(Step step, int level, Instant at) {
        return jdbc.sql("""
                insert into escalation (task_id, level, cycle_id, branch_code, task_key, task_name, due_at, escalated_at)
                select ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from escalation where task_id = ? and level = ?)""")
                .params(step.taskId(), level, step.cycleId(), step.branchCode(), step.taskKey(), step.taskName(),
                        Timestamp.from(step.dueAt()), Timestamp.from(at), step.taskId(), level)
                .update() == 1;
    }

    public void recordSupervision(String taskId, String action, String by, Instant at) {
        jdbc.sql("""
                update escalation set supervisor_action = ?, supervised_by = ?, supervised_at = ?
                where task_id = ? and level = 2""").params(action, by, Timestamp.from(at), taskId).update();
    }

    /** Highest escalation level per open step's task id, for the given cycles. */
    public Map<String, Integer> levels(List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> levels = new java.util.HashMap<>();
        jdbc.sql("select task_id, max(level) as level from escalation where task_id in (:ids) group by task_id")
                .param("ids", taskIds)
                .query(rs -> {
                    levels.put(rs.getString("task_id"), rs.getInt("level"));
                });
        return levels;
    }

    public int count(String taskId, int level) {
        return jdbc.sql("select count(*) from escalation where task_id = ? and level = ?").params(taskId, level)
                .query(Integer.class).single();
    }

    /** Adds a notification unless the recipient already has one for this step and level. */
    public boolean notify(String recipient, String email, Step step, int level, String title, String message,
            boolean mail, Instant at) {
        return jdbc.sql("""
                insert into notification (recipient, task_id, level, branch_code, title, message, created_at, email,
                  mail_status, mail_attempts)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, 0
                where not exists (select 1 from notification where recipient = ? and task_id = ? and level = ?)""")
                .params(recipient, step.taskId(), level, step.branchCode(), title, message, Timestamp.from(at), email,
                        mail && email != null ? Notifications.PENDING : Notifications.NO_MAIL, recipient,
                        step.taskId(), level)
                .update() == 1;
    }

    /** Adds a notification about a township's own duty (no branch), unless the recipient has it already. */
    public boolean notifyTownship(String recipient, String email, String townshipCode, String about, int level,
            String title, String message, boolean mail, Instant at) {
        return jdbc.sql("""
                insert into notification (recipient, task_id, level, township_code, title, message, created_at, email,
                  mail_status, mail_attempts)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, 0
                where not exists (select 1 from notification where recipient = ? and task_id = ? and level = ?)""")
                .params(recipient, about, level, townshipCode, title, message, Timestamp.from(at), email,
                        mail && email != null ? Notifications.PENDING : Notifications.NO_MAIL, recipient, about, level)
                .update() == 1;
    }
}
