package org.orglife.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.orglife.cycle.StepNames;
import org.orglife.engine.AsSystem;
import org.orglife.engine.EngineQueries;
import org.orglife.escalation.EscalationRecords;
import org.orglife.registry.BranchPage;
import org.orglife.registry.BranchVisibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where the branches stand in a year: their open steps with due dates and overdue level (0 none,
 * 1 notified, 2 supervised), read for the branches asked about only; and the open steps counted by
 * step over all branches in a person's scope, by one aggregate over the engine's task table.
 */
@Service
public class CampaignProgress {

    private static final int CHUNK = EngineQueries.PAGE;

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final EscalationRecords escalations;
    private final IdentityService identities;

    /** Reads as the system: the branches shown are already those the person may see. */
    CampaignProgress(JdbcClient jdbc, TaskService tasks, EscalationRecords escalations, IdentityService identities) {
        this.identities = identities;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.escalations = escalations;
    }

    public record OpenStep(String taskId, String taskKey, String name, Date due, int overdueLevel) {
    }

    public record BranchProgress(String branchCode, String branchName, String cycleId, String status,
            List<OpenStep> openSteps) {
    }

    /** One page of the year's cycles in the person's scope, by branch code, with their open steps. */
    public List<BranchProgress> page(int year, BranchVisibility.Scope scope, BranchPage page) {
        List<ReviewCycleRow> rows = scope.bind(jdbc.sql("""
                        select c.id, c.branch_code, b.name, c.status, c.process_instance_id
                        from review_cycle c join party_branch b on b.code = c.branch_code
                        where c.review_year = :year and %s
                        order by c.branch_code limit :limit offset :offset""".formatted(scope.condition("b")))
                        .param("year", year).param("limit", page.size()).param("offset", page.offset()))
                .query((rs, n) -> new ReviewCycleRow(rs.getString("id"), rs.getString("branch_code"),
                        rs.getString("name"), rs.getString("status"), rs.getString("process_instance_id")))
                .list();
        Map<String, List<OpenStep>> open = openSteps(rows.stream().map(ReviewCycleRow::processInstanceId).toList());
        return rows.stream().map(r -> new BranchProgress(r.branchCode(), r.branchName(), r.id(), r.status(),
                open.getOrDefault(r.processInstanceId(), List.of()))).toList();
    }

    /** How many of the year's cycles are in the person's scope. */
    public long count(int year, BranchVisibility.Scope scope) {
        return scope.bind(jdbc.sql("""
                        select count(*) from review_cycle c join party_branch b on b.code = c.branch_code
                        where c.review_year = :year and %s""".formatted(scope.condition("b"))).param("year", year))
                .query(Long.class).single();
    }

    private record ReviewCycleRow(String id, String branchCode, String branchName, String status,
            String processInstanceId) {
    }

    /** The open steps of the given cycle instances by process instance id, each sorted by task key. */
    public Map<String, List<OpenStep>> openSteps(Collection<String> processInstanceIds) {
        List<String> ids = processInstanceIds.stream().filter(Objects::nonNull).distinct().toList();
        List<Task> open = new ArrayList<>();
        Map<String, Integer> levels = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
            List<Task> found = AsSystem.call(identities, () -> EngineQueries.all(
                    tasks.createTaskQuery().processInstanceIdIn(chunk).orderByTaskId().asc()));
            open.addAll(found);
            levels.putAll(escalations.levels(found.stream().map(Task::getId).toList()));
        }
        Map<String, List<OpenStep>> byInstance = new HashMap<>();
        open.stream()
                .map(t -> Map.entry(t.getProcessInstanceId(), new OpenStep(t.getId(), t.getTaskDefinitionKey(),
                        StepNames.step(t.getName()), t.getDueDate(), levels.getOrDefault(t.getId(), 0))))
                .sorted(Comparator.comparing(e -> e.getValue().taskKey()))
                .forEach(e -> byInstance.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byInstance;
    }

    /**
     * Open steps by step name over the year's cycles of the branches in scope, in the order the steps
     * fall due: counted by the database from the engine's open tasks, never read one by one.
     */
    public Map<String, Long> stepCounts(int year, BranchVisibility.Scope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        scope.bind(jdbc.sql("""
                select t.task_def_key_ as task_key, min(t.name_) as task_name, count(*) as n,
                       min(t.due_date_) as first_due
                from act_ru_task t
                join review_cycle c on c.process_instance_id = t.proc_inst_id_
                where c.review_year = :year and %s
                group by t.task_def_key_
                order by first_due nulls last, task_key""".formatted(scope.codeIn("c.branch_code")))
                .param("year", year))
                .query(rs -> {
                    counts.merge(StepNames.step(rs.getString("task_name")), rs.getLong("n"), Long::sum);
                });
        return counts;
    }
}
