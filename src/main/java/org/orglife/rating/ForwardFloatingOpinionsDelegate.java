package org.orglife.rating;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.AsSystem;
import org.orglife.registry.MemberRepository;
import org.springframework.stereotype.Component;

/**
 * 反馈流动党员评议意见 (R5): sends each opinion this branch gave on a guest to the running cycle of the
 * guest's home branch. A home cycle that is not running yet will read the opinion from our table
 * when its rating starts, so an unanswered message loses nothing.
 */
@Component
class ForwardFloatingOpinionsDelegate implements JavaDelegate {

    private final RatingRecords ratings;
    private final MemberRepository members;
    private final RuntimeService runtime;

    ForwardFloatingOpinionsDelegate(RatingRecords ratings, MemberRepository members, RuntimeService runtime) {
        this.ratings = ratings;
        this.members = members;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String branchCode = (String) execution.getVariable(ReviewVariables.BRANCH_CODE);
        int year = (Integer) execution.getVariable(ReviewVariables.REVIEW_YEAR);
        for (RatingRecords.FloatingOpinion opinion : ratings.undeliveredOpinionsFrom(branchCode, year)) {
            // the member's own branch may be in another township: telling its cycle is the system's
            members.findById(opinion.memberId()).ifPresent(member -> AsSystem.run(() -> runtime
                    .createMessageCorrelation(ReviewVariables.FLOATING_OPINION_MESSAGE)
                    .processInstanceBusinessKey(ReviewVariables.cycleId(year, member.branchCode()))
                    .setVariableLocal(ReviewVariables.OPINION_MEMBER_ID, member.id())
                    .correlateAllWithResult()));
        }
    }
}
