package org.orglife.cycle;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.orglife.engine.AsSystem;
import org.orglife.identity.AccessRules;
import org.orglife.registry.Branch;
import org.springframework.stereotype.Component;

/**
 * Who may see a branch's cycle: the branch's group reads its process instances; the liaison cadre and
 * the area chief named when the cycle opened read the instance and each of its tasks (they work only
 * attendAndComment). Grants are written as the system, whoever's action created the task.
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
     * The cycle's liaison cadre and area chief, named in {@code liaisonUsers} when it opened (the same
     * people who read the instance and are the candidates of attendAndComment), read each of its
     * tasks. Tasks they are candidates of need no grant: the engine grants those itself, and a second
     * grant would clash. The task is new, so nobody else holds a grant on it yet.
     */
    void letLiaisonsRead(DelegateTask task, String liaisonUsers) {
        Set<String> readers = new LinkedHashSet<>(ReviewVariables.users(liaisonUsers));
        task.getCandidates().forEach(link -> readers.remove(link.getUserId()));
        AsSystem.run(() -> readers.forEach(
                userId -> rules.grantUserOnNew(userId, Resources.TASK, task.getId(), Permissions.READ)));
    }
}
