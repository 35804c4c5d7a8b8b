package org.orglife.cycle;

import java.util.Map;

import org.orglife.engine.TenantOfNewInstance;
import org.orglife.registry.BranchRepository;
import org.springframework.stereotype.Component;

/**
 * The township whose work a new instance is: the one it was started for ({@link ReviewVariables#TOWNSHIP_CODE},
 * a township's campaign), or the township of the branch it concerns ({@link ReviewVariables#BRANCH_CODE}:
 * cycles, dispositions, escalations, 督办). Anything else (the overdue sweep, the county's campaign) is the
 * county's and has no tenant.
 */
@Component
class TownshipOfInstance implements TenantOfNewInstance {

    private final BranchRepository branches;

    TownshipOfInstance(BranchRepository branches) {
        this.branches = branches;
    }

    @Override
    public String tenantOf(String processDefinitionKey, Map<String, Object> variables) {
        if (variables.get(ReviewVariables.TOWNSHIP_CODE) instanceof String township) {
            return township;
        }
        if (variables.get(ReviewVariables.BRANCH_CODE) instanceof String branch) {
            return branches.townshipOf(branch).orElse(null);
        }
        return null;
    }
}
