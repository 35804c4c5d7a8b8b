package org.orglife.cycle;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.orglife.registry.BranchVisibility;
import org.orglife.security.CurrentUser;
import org.orglife.registry.UnknownBranchException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts a branch's cycle of a year: one {@code branch-annual-review} instance, business key {@code {year}-{code}}. */
@Service
public class ReviewCycles {

    private final RuntimeService runtime;
    private final BranchRepository branches;
    private final ReviewCycleRepository cycles;
    private final BranchVisibility visibility;

    ReviewCycles(RuntimeService runtime, BranchRepository branches, ReviewCycleRepository cycles,
            BranchVisibility visibility) {
        this.runtime = runtime;
        this.branches = branches;
        this.cycles = cycles;
        this.visibility = visibility;
    }

    /**
     * The cycle by its id ({@code {year}-{code}}, as pages name it), if the person may see its branch;
     * otherwise it is not found, as a cycle that does not exist.
     */
    public BranchCycle visibleTo(String cycleId, CurrentUser user) {
        ReviewCycle cycle = cycles.find(cycleId).orElseThrow(() -> new UnknownCycleException(cycleId));
        Branch branch = branches.findByCode(cycle.branchCode()).orElseThrow(() -> new UnknownCycleException(cycleId));
        if (!visibility.scope(user).includes(branch)) {
            throw new UnknownCycleException(cycleId);
        }
        return new BranchCycle(cycle, branch);
    }

    @Transactional
    public ReviewCycle start(String branchCode, int year, Map<String, Object> settings) {
        Branch branch = branches.findByCode(branchCode).orElseThrow(() -> new UnknownBranchException(branchCode));
        if (!branch.active()) {
            throw new IllegalArgumentException("支部 " + branchCode + " 已撤销，不能启动年度工作");
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("年度不对：" + year);
        }
        String cycleId = ReviewVariables.cycleId(year, branchCode);
        if (cycles.find(cycleId).isPresent()
                || runtime.createProcessInstanceQuery().processInstanceBusinessKey(cycleId).count() > 0) {
            throw new CycleAlreadyStartedException(cycleId);
        }
        Map<String, Object> variables = new HashMap<>(settings);
        variables.put(ReviewVariables.BRANCH_CODE, branchCode);
        variables.put(ReviewVariables.REVIEW_YEAR, year);
        variables.put(ReviewVariables.CYCLE_ID, cycleId);
        variables.putIfAbsent(ReviewVariables.PUBLICITY_WORKING_DAYS, ReviewVariables.DEFAULT_PUBLICITY_WORKING_DAYS);
        runtime.startProcessInstanceByKey(ReviewVariables.PROCESS_KEY, cycleId, variables);
        return cycles.find(cycleId).orElseThrow();
    }
}
