package org.orglife.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role (SPEC §5): 我的待办, the role's shared inbox, 即将到期 and 已逾期.
 * "Due soon" uses the follow-up date, which every task carries as its due date minus two working
 * days, so the filter needs no calendar arithmetic of its own. All lists sort by due date.
 */
@Component
class TasklistFilters {

    private final FilterService filterService;
    private final TaskService taskService;
    private final AccessRules accessRules;

    TasklistFilters(FilterService filterService, TaskService taskService, AccessRules accessRules) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.accessRules = accessRules;
    }

    private record Definition(String name, String description, int priority, TaskQuery query, List<String> groups) {
    }

    /** Granted to the role groups: every secretary is in {@code branch-secretaries} (see AccessRules#apply). */
    void apply() {
        List<String> branchRoles = List.of(Groups.BRANCH_SECRETARIES);
        List<String> everyone = new ArrayList<>(branchRoles);
        everyone.addAll(List.of(Groups.TOWNSHIP_OFFICE, Groups.TOWNSHIP_SUPERVISORS, Groups.LIAISON_CADRES));
        everyone.addAll(Groups.COUNTY);

        for (Definition d : List.of(
                new Definition("我的待办", "已由我认领的任务", -8,
                        byDue(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")), everyone),
                new Definition("本支部待办", "本支部的全部待办任务", -10,
                        byDue(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks()), branchRoles),
                new Definition("联系支部待办", "请我列席、点评的任务", -10,
                        byDue(taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}")
                                .includeAssignedTasks()), List.of(Groups.LIAISON_CADRES)),
                new Definition("本部门待办", "交给镇党委办公室或督查组的任务", -10,
                        byDue(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks()), Groups.TOWNSHIP),
                new Definition("全镇各支部待办", "全镇所有支部正在办理的任务", -9,
                        byDue(taskService.createTaskQuery()), Groups.TOWNSHIP),
                // the tenant check keeps each township's people to their own township's tasks
                new Definition("全县各乡镇待办", "全县所有乡镇、支部正在办理的任务", -9,
                        byDue(taskService.createTaskQuery()), Groups.COUNTY),
                new Definition("全县督办", "各乡镇支部的督办和乡镇部署的督办", -10,
                        byDue(taskService.createTaskQuery().taskDefinitionKeyIn("superviseOverdueStep",
                                "superviseTownshipLaunch")), List.of(Groups.COUNTY_SUPERVISORS)),
                new Definition("即将到期", "两个工作日内到期的任务", -7,
                        byDue(taskService.createTaskQuery().followUpBeforeExpression("${now()}")
                                .dueAfterExpression("${now()}")), everyone),
                new Definition("已逾期", "已过到期日仍未办结的任务", -6,
                        byDue(taskService.createTaskQuery().dueBeforeExpression("${now()}")), everyone))) {
            Filter filter = filterService.createFilterQuery().filterName(d.name()).singleResult();
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", d.description());
            properties.put("priority", d.priority());
            properties.put("refresh", true);
            if (filter == null) {
                filter = filterService.newTaskFilter(d.name());
                filter.setQuery(d.query());
                filter.setProperties(properties);
                filterService.saveFilter(filter);
            } else if (!properties.equals(filter.getProperties())) {
                // the order and texts are ours; an administrator's edits of the query are kept
                filter.setProperties(properties);
                filterService.saveFilter(filter);
            }
            for (String group : d.groups()) {
                accessRules.grantGroup(group, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
    }

    private static TaskQuery byDue(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
    }
}
