package org.orglife.registry;

import java.util.List;

import org.orglife.errors.ApiProblem;
import org.orglife.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Which township a request is about: the one it names, if the person may act for it, else the one the
 * person works in. The county's staff name it unless the county has only one; a township's people work in
 * their own (their tenant).
 */
@Service
public class TownshipChoice {

    private final BranchRepository branches;

    TownshipChoice(BranchRepository branches) {
        this.branches = branches;
    }

    public String of(CurrentUser user, String requested) {
        String named = requested == null || requested.isBlank() ? null : requested.trim();
        List<String> theirs = BranchVisibility.overseesCounty(user.groupIds())
                ? List.copyOf(branches.townships().keySet()) : user.tenantIds();
        if (named != null) {
            if (!theirs.contains(named)) {
                throw new UnknownTownshipException(named);
            }
            return named;
        }
        if (theirs.size() == 1) {
            return theirs.get(0);
        }
        throw new ApiProblem(400, "请指明乡镇（township）", List.of("可选：" + String.join("、", theirs)));
    }
}
