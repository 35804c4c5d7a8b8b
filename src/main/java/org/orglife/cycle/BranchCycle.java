package org.orglife.cycle;

import org.orglife.registry.Branch;
import org.orglife.security.CurrentUser;

/** A cycle with its branch, as a signed-in person who may see the branch finds it ({@link ReviewCycles#visibleTo}). */
public record BranchCycle(ReviewCycle cycle, Branch branch) {

    /** Whether the person is the branch's secretary, who alone acts for it on its pages. */
    public boolean isSecretary(CurrentUser user) {
        return branch.secretary() != null && user.id().equals(branch.secretary().userId());
    }
}
