package org.orglife.cycle;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

/** Hands a person to the engine as the sign-in does: their groups and their tenants (townships); clear it after. */
public final class TestSignIn {

    public static void as(IdentityService identity, String userId) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        identity.setAuthentication(userId, groups, tenants);
    }

    private TestSignIn() {
    }
}
