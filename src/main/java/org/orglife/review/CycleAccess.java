package org.orglife.review;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.orglife.identity.AccessRules;
import org.orglife.identity.AsSystem;
import org.orglife.registry.Branch;
import org.springframework.stereotype.Component;

/**
 * Who may see a branch's cycle: the branch's group reads its process instances; the liaison cadre and
 * the area chief read the instance and each of its tasks (they work only attendAndComment). Grants
 * are written as the system, whoever's action created the task.
 */
@Component
public class CycleAccess {

    private final AccessRules rules;

    CycleAccess(AccessRules rules) {
        this.rules = rules;
    }

    public void letBranchRead(String processInstanceId, Branch branch) {
        AsSystem.run(() -> {
            rules.grantGroup(branch.groupId(), Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
            rules.grantUser(branch.liaison().userId(), Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
            if (branch.areaChief() != null) {
                rules.grantUser(branch.areaChief().userId(), Resources.PROCESS_INSTANCE, processInstanceId,
                        Permissions.READ);
            }
        });
    }

    /**
     * Tasks they are candidates of need no grant: the engine grants those itself, and a second grant would
     * clash. The task is new, so nobody else holds a grant on it yet.
     */
    void letLiaisonsRead(DelegateTask task, Branch branch) {
        java.util.Set<String> readers = new java.util.LinkedHashSet<>();
        for (var account : new org.orglife.registry.Account[] {branch.liaison(), branch.areaChief()}) {
            if (account != null) {
                readers.add(account.userId());
            }
        }
        task.getCandidates().forEach(link -> readers.remove(link.getUserId()));
        AsSystem.run(() -> readers.forEach(
                userId -> rules.grantUserOnNew(userId, Resources.TASK, task.getId(), Permissions.READ)));
    }
}
