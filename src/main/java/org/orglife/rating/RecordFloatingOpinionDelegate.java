package org.orglife.rating;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.EngineContext;
import org.orglife.engine.EngineQueries;
import org.orglife.registry.BranchRepository;
import org.orglife.registry.MemberRepository;
import org.springframework.stereotype.Component;

/**
 * 登记流入地党组织意见 (R5, in the home branch's cycle): marks the opinion as received and, if the
 * branch is rating right now, shows it in the open {@code rateMembers} form at once.
 */
@Component
class RecordFloatingOpinionDelegate implements JavaDelegate {

    private final RatingRecords ratings;
    private final MemberRepository members;
    private final BranchRepository branches;
    private final TaskService tasks;

    RecordFloatingOpinionDelegate(RatingRecords ratings, MemberRepository members, BranchRepository branches,
            TaskService tasks) {
        this.ratings = ratings;
        this.members = members;
        this.branches = branches;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String memberId = (String) execution.getVariable(ReviewVariables.OPINION_MEMBER_ID);
        String branchCode = (String) execution.getVariable(ReviewVariables.BRANCH_CODE);
        int year = (Integer) execution.getVariable(ReviewVariables.REVIEW_YEAR);
        ratings.markDelivered(year, memberId, EngineContext.now());
        var own = members.findByBranch(branchCode).stream().filter(m -> !m.floatingIn()).toList();
        EngineQueries.all(tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("rateMembers")).forEach(task -> tasks.setVariableLocal(task.getId(), "guestOpinionsReceived",
                        FloatingOpinions.receivedSummary(year, own, ratings, branches)));
    }
}
