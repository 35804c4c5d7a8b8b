package org.orglife.cycle;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.orglife.engine.AsSystem;
import org.orglife.engine.EngineQueries;
import org.orglife.identity.AccessRules;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.orglife.registry.RosterImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open work follows the registry: after the identity sync that follows every roster import,
 * the cycles and dispositions still running are given to the branch's people as the registry names
 * them now. A new liaison cadre or area chief reads the instance and its open tasks and is the
 * candidate of 列席指导并点评 in place of the one they replace, who loses those grants; a step held by
 * someone who is no longer in the branch's group (the former secretary) is the new secretary's. What
 * was done stays as it was: the records name who did it.
 */
@Service
public class OpenWorkFollowsRegistry {

    private static final Logger log = LoggerFactory.getLogger(OpenWorkFollowsRegistry.class);
    static final String LIAISON_STEP = "attendAndComment";

    private final JdbcClient jdbc;
    private final BranchRepository branches;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identities;
    private final AccessRules rules;

    OpenWorkFollowsRegistry(JdbcClient jdbc, BranchRepository branches, RuntimeService runtime, TaskService tasks,
            IdentityService identities, AccessRules rules) {
        this.jdbc = jdbc;
        this.branches = branches;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identities = identities;
        this.rules = rules;
    }

    /** After the identity sync has made the groups follow the same import. */
    @EventListener
    @Order(20)
    public void onRosterImported(RosterImported event) {
        follow();
    }

    /** Gives open work to the people the registry names now; returns how many instances and steps changed hands. */
    @Transactional
    public int follow() {
        return AsSystem.call(identities, () -> followLiaisons() + followSecretaries());
    }

    private int followLiaisons() {
        Map<String, Branch> byCode = new HashMap<>();
        branches.findActive().forEach(b -> byCode.put(b.code(), b));
        record Running(String instanceId, String branchCode, String liaisonUsers) {
        }
        List<Running> running = jdbc.sql("""
                select l.proc_inst_id_ as instance_id, b.text_ as branch_code, l.text_ as liaison_users
                from act_ru_variable l
                join act_ru_variable b on b.execution_id_ = l.proc_inst_id_ and b.name_ = ?
                where l.name_ = ? and l.execution_id_ = l.proc_inst_id_""")
                .params(ReviewVariables.BRANCH_CODE, ReviewVariables.LIAISON_USERS)
                .query((rs, n) -> new Running(rs.getString("instance_id"), rs.getString("branch_code"),
                        rs.getString("liaison_users")))
                .list();
        int changed = 0;
        for (Running instance : running) {
            Branch branch = byCode.get(instance.branchCode());
            if (branch == null || ReviewVariables.liaisonUsers(branch).equals(instance.liaisonUsers())) {
                continue;
            }
            Set<String> before = new LinkedHashSet<>(ReviewVariables.users(instance.liaisonUsers()));
            Set<String> now = new LinkedHashSet<>(ReviewVariables.users(ReviewVariables.liaisonUsers(branch)));
            Set<String> gone = new LinkedHashSet<>(before);
            gone.removeAll(now);
            Set<String> come = new LinkedHashSet<>(now);
            come.removeAll(before);
            runtime.setVariable(instance.instanceId(), ReviewVariables.LIAISON_USERS, ReviewVariables.liaisonUsers(branch));
            gone.forEach(user -> rules.withdrawUser(user, Resources.PROCESS_INSTANCE, instance.instanceId()));
            come.forEach(user -> rules.grantUser(user, Resources.PROCESS_INSTANCE, instance.instanceId(),
                    Permissions.READ));
            for (Task task : EngineQueries.all(tasks.createTaskQuery().processInstanceId(instance.instanceId()))) {
                gone.forEach(user -> rules.withdrawUser(user, Resources.TASK, task.getId()));
                if (LIAISON_STEP.equals(task.getTaskDefinitionKey())) {
                    // its candidates are the liaison users, whom the engine grants as it links them
                    gone.forEach(user -> tasks.deleteCandidateUser(task.getId(), user));
                    come.forEach(user -> tasks.addCandidateUser(task.getId(), user));
                    if (gone.contains(task.getAssignee())) {
                        tasks.setAssignee(task.getId(), null);
                    }
                } else {
                    come.forEach(user -> rules.grantUser(user, Resources.TASK, task.getId(), Permissions.READ));
                }
            }
            changed++;
        }
        if (changed > 0) {
            log.info("{} 个进行中的流程已按名册交给现任联系领导和片区负责人", changed);
        }
        return changed;
    }

    /** Steps held by someone no longer in the branch's group (the secretary they replace) go to the secretary. */
    private int followSecretaries() {
        record Held(String taskId, String assignee, String groupId) {
        }
        List<Held> held = jdbc.sql("""
                select t.id_ as task_id, t.assignee_ as assignee, l.group_id_ as group_id
                from act_ru_task t
                join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ like 'branch-%'
                where t.assignee_ is not null
                  and not exists (select 1 from act_id_membership m
                                  where m.user_id_ = t.assignee_ and m.group_id_ = l.group_id_)""")
                .query((rs, n) -> new Held(rs.getString("task_id"), rs.getString("assignee"), rs.getString("group_id")))
                .list();
        Map<String, Branch> byGroup = new HashMap<>();
        branches.findActive().forEach(b -> byGroup.put(b.groupId(), b));
        for (Held step : held) {
            Branch branch = byGroup.get(step.groupId());
            tasks.setAssignee(step.taskId(), branch == null || branch.secretary() == null ? null
                    : branch.secretary().userId());
            rules.withdrawUser(step.assignee(), Resources.TASK, step.taskId());
        }
        if (!held.isEmpty()) {
            log.info("{} 个待办环节已按名册交给现任支部书记", held.size());
        }
        return held.size();
    }
}
