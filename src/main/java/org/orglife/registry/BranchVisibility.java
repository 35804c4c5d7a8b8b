package org.orglife.registry;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Which branches a signed-in person may see: township groups and administrators all of them, a
 * liaison cadre or area chief the branches they are named for, a secretary or committee member
 * their own branch (by membership of its group).
 */
@Service
public class BranchVisibility {

    /** Groups that oversee the whole township. */
    public static final Set<String> TOWNSHIP_GROUPS = Set.of("township-office", "township-supervisors", "camunda-admin");

    private final BranchRepository branches;

    BranchVisibility(BranchRepository branches) {
        this.branches = branches;
    }

    public List<Branch> visibleTo(String userId, Collection<String> groupIds) {
        List<Branch> all = branches.findAll();
        if (seesAll(groupIds)) {
            return all;
        }
        return all.stream().filter(b -> concerns(b, userId, groupIds)).toList();
    }

    public Branch require(String code, String userId, Collection<String> groupIds) {
        Branch branch = branches.findByCode(code).orElseThrow(() -> new UnknownBranchException(code));
        if (!seesAll(groupIds) && !concerns(branch, userId, groupIds)) {
            throw new UnknownBranchException(code);
        }
        return branch;
    }

    public static boolean seesAll(Collection<String> groupIds) {
        return groupIds.stream().anyMatch(TOWNSHIP_GROUPS::contains);
    }

    private static boolean concerns(Branch b, String userId, Collection<String> groupIds) {
        return groupIds.contains(b.groupId())
                || userId.equals(b.secretary().userId())
                || userId.equals(b.liaison().userId())
                || (b.areaChief() != null && userId.equals(b.areaChief().userId()));
    }
}
