package org.orglife.cycle;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.orglife.engine.EngineContext;
import org.orglife.form.SubmissionRejectedException;
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
        // started through the engine's API instead of a campaign or /api, a cycle may lack what it is for
        if (!(execution.getVariable(ReviewVariables.BRANCH_CODE) instanceof String branchCode)
                || !(execution.getVariable(ReviewVariables.REVIEW_YEAR) instanceof Integer year)
                || branches.findByCode(branchCode).isEmpty()) {
            throw new SubmissionRejectedException(List.of("支部年度组织生活会须注明已登记的支部（" + ReviewVariables.BRANCH_CODE
                    + "）和年度（" + ReviewVariables.REVIEW_YEAR + "），请经年度工作部署或单个支部启动接口启动"));
        }
        Branch branch = branches.findByCode(branchCode).orElseThrow();
        String cycleId = ReviewVariables.cycleId(year, branchCode);
        cycles.open(cycleId, branchCode, year, execution.getProcessInstanceId(),
                EngineContext.now());
        execution.setVariable(ReviewVariables.CYCLE_ID, cycleId);
        execution.setVariable(ReviewVariables.CYCLE_TITLE, ReviewVariables.cycleTitle(year, branch.name()));
        execution.setVariable(ReviewVariables.LIAISON_USERS, ReviewVariables.liaisonUsers(branch));
        access.letBranchRead(execution.getProcessInstanceId(), branch);
    }
}
