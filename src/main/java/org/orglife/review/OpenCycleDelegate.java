package org.orglife.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.springframework.stereotype.Component;

/** 建立年度档案: the cycle's record in our tables, and read access for the branch and its liaison cadres. */
@Component
class OpenCycleDelegate implements JavaDelegate {

    private final ReviewCycleRepository cycles;
    private final BranchRepository branches;
    private final CycleAccess access;

    OpenCycleDelegate(ReviewCycleRepository cycles, BranchRepository branches, CycleAccess access) {
        this.cycles = cycles;
        this.branches = branches;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String branchCode = (String) execution.getVariable(ReviewVariables.BRANCH_CODE);
        int year = (Integer) execution.getVariable(ReviewVariables.REVIEW_YEAR);
        Branch branch = branches.findByCode(branchCode).orElseThrow();
        String cycleId = ReviewVariables.cycleId(year, branchCode);
        cycles.open(cycleId, branchCode, year, execution.getProcessInstanceId(),
                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant());
        execution.setVariable(ReviewVariables.CYCLE_ID, cycleId);
        execution.setVariable(ReviewVariables.CYCLE_TITLE, ReviewVariables.cycleTitle(year, branch.name()));
        execution.setVariable(ReviewVariables.LIAISON_USERS, ReviewVariables.liaisonUsers(branch));
        access.letBranchRead(execution.getProcessInstanceId(), branch);
    }
}
