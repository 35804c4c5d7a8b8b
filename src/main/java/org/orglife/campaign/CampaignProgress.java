package org.orglife.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.orglife.escalation.EscalationRecords;
import org.orglife.identity.AsSystem;
import org.orglife.identity.EngineQueries;
import org.orglife.registry.Branch;
import org.orglife.review.ReviewCycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where every branch stands in a year: its open steps with their due dates and overdue level (0 none,
 * 1 notified, 2 supervised). Reads the engine's open tasks of the branches' cycles in pages.
 */
@Service
public class CampaignProgress {

    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final EscalationRecords escalations;
    private final org.camunda.bpm.engine.IdentityService identities;

    /** Reads as the system: the branches shown are already those the person may see. */
    CampaignProgress(JdbcClient jdbc, TaskService tasks, EscalationRecords escalations,
            org.camunda.bpm.engine.IdentityService identities) {
        this.identities = identities;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.escalations = escalations;
    }

    public record OpenStep(String taskId, String taskKey, String name, java.util.Date due, int overdueLevel) {
    }

    public record BranchProgress(String branchCode, String branchName, String cycleId, String status,
            List<OpenStep> openSteps) {
    }

    public List<BranchProgress> of(int year, Collection<Branch> visible) {
        Map<String, Branch> byCode = new HashMap<>();
        visible.forEach(b -> byCode.put(b.code(), b));
        List<ReviewCycle> cycles = jdbc.sql("select * from review_cycle where review_year = ? order by branch_code")
                .param(year)
                .query((rs, n) -> new ReviewCycle(rs.getString("id"), rs.getString("branch_code"), rs.getInt("review_year"),
                        rs.getString("process_instance_id"), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                        null, null))
                .list().stream().filter(c -> byCode.containsKey(c.branchCode())).toList();
        Map<String, List<Task>> openByInstance = new HashMap<>();
        for (int from = 0; from < cycles.size(); from += PAGE) {
            String[] ids = cycles.subList(from, Math.min(cycles.size(), from + PAGE)).stream()
                    .map(ReviewCycle::processInstanceId).filter(id -> id != null).toArray(String[]::new);
            if (ids.length > 0) {
                AsSystem.call(identities, () -> EngineQueries.all(tasks.createTaskQuery().processInstanceIdIn(ids)))
                        .forEach(t -> openByInstance.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>()).add(t));
            }
        }
        Map<String, Integer> levels = escalations.levels(openByInstance.values().stream().flatMap(List::stream)
                .map(Task::getId).toList());
        List<BranchProgress> progress = new ArrayList<>();
        for (ReviewCycle cycle : cycles) {
            List<OpenStep> steps = openByInstance.getOrDefault(cycle.processInstanceId(), List.of()).stream()
                    .map(t -> new OpenStep(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getDueDate(),
                            levels.getOrDefault(t.getId(), 0)))
                    .sorted(java.util.Comparator.comparing(OpenStep::taskKey))
                    .toList();
            progress.add(new BranchProgress(cycle.branchCode(), byCode.get(cycle.branchCode()).name(), cycle.id(),
                    cycle.status(), steps));
        }
        return progress;
    }

    /** Counts of open steps by task key, for the township view. */
    public Map<String, Long> stepCounts(List<BranchProgress> progress) {
        Map<String, Long> counts = new LinkedHashMap<>();
        progress.forEach(p -> p.openSteps().forEach(s -> counts.merge(s.name(), 1L, Long::sum)));
        return counts;
    }
}
