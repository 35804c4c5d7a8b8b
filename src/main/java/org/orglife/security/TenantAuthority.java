package org.orglife.security;

import org.springframework.security.core.GrantedAuthority;

/** A tenant (township) the signed-in person works in, held beside their groups for the length of the session. */
public record TenantAuthority(String tenantId) implements GrantedAuthority {

    @Override
    public String getAuthority() {
        return "TENANT_" + tenantId;
    }
}
