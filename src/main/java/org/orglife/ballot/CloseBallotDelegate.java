package org.orglife.ballot;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 结束测评: ends the ballot when its time is up; after the secretary closed it, or its last code was
 * used, it is already closed and nothing is left to do.
 */
@Component
class CloseBallotDelegate implements JavaDelegate {

    private final Ballots ballots;

    CloseBallotDelegate(Ballots ballots) {
        this.ballots = ballots;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ballots.endOnTime((String) execution.getVariable(BallotVariables.BALLOT_ID));
    }
}
