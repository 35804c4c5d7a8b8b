package org.orglife.rating;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.cycle.ReviewVariables;
import org.springframework.stereotype.Component;

/** 登记处置结果: the disposition is settled (decided by the branch, approved where it had to be). */
@Component
class RecordDispositionDelegate implements JavaDelegate {

    private final RatingRecords ratings;

    RecordDispositionDelegate(RatingRecords ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ratings.closeDisposition((String) execution.getVariable(ReviewVariables.CYCLE_ID),
                (String) execution.getVariable(ReviewVariables.MEMBER_ID));
    }
}
