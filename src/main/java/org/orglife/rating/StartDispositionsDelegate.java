package org.orglife.rating;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.cycle.CycleAccess;
import org.orglife.cycle.Deadlines;
import org.orglife.cycle.ReviewVariables;
import org.orglife.registry.BranchRepository;
import org.springframework.stereotype.Component;

/**
 * 启动不合格党员处置: one {@code unqualified-member-disposition} per member rated 不合格; it runs on its
 * own (a 限期改正 takes months) and does not hold up the cycle. Idempotent: a member whose disposition
 * exists is skipped.
 */
@Component
class StartDispositionsDelegate implements JavaDelegate {

    private final RatingRecords ratings;
    private final RuntimeService runtime;
    private final CycleAccess access;
    private final BranchRepository branches;

    StartDispositionsDelegate(RatingRecords ratings, RuntimeService runtime, CycleAccess access,
            BranchRepository branches) {
        this.ratings = ratings;
        this.runtime = runtime;
        this.access = access;
        this.branches = branches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cycleId = (String) execution.getVariable(ReviewVariables.CYCLE_ID);
        for (RatingRecords.Rating rating : ratings.ratings(cycleId)) {
            if (rating.grade() != Grade.UNQUALIFIED || ratings.dispositionExists(cycleId, rating.memberId())) {
                continue;
            }
            ratings.openDisposition(cycleId, rating.memberId());
            Map<String, Object> variables = new HashMap<>();
            variables.put(ReviewVariables.CYCLE_ID, cycleId);
            variables.put(ReviewVariables.BRANCH_CODE, execution.getVariable(ReviewVariables.BRANCH_CODE));
            variables.put(ReviewVariables.REVIEW_YEAR, execution.getVariable(ReviewVariables.REVIEW_YEAR));
            variables.put(ReviewVariables.CYCLE_TITLE, execution.getVariable(ReviewVariables.CYCLE_TITLE));
            variables.put(ReviewVariables.LIAISON_USERS, execution.getVariable(ReviewVariables.LIAISON_USERS));
            variables.put(ReviewVariables.MEMBER_ID, rating.memberId());
            Deadlines deadlines = Deadlines.fromVariables(execution::getVariable);
            if (deadlines != null) {
                variables.putAll(deadlines.asVariables());
            }
            String instanceId = runtime.startProcessInstanceByKey(ReviewVariables.DISPOSITION_PROCESS_KEY,
                    cycleId + "-" + rating.memberId(), variables).getId();
            ratings.attachDispositionInstance(cycleId, rating.memberId(), instanceId);
            access.letBranchRead(instanceId, branches.findByCode(
                    (String) execution.getVariable(ReviewVariables.BRANCH_CODE)).orElseThrow());
        }
    }
}
