package org.orglife.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in person as the domain sees them: user id, engine group ids and the tenants (townships)
 * they work in, directly or through a group.
 */
public record CurrentUser(String id, List<String> groupIds, List<String> tenantIds) {

    public CurrentUser {
        groupIds = List.copyOf(groupIds);
        tenantIds = List.copyOf(tenantIds);
    }

    static CurrentUser of(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream()
                .filter(a -> !(a instanceof TenantAuthority)).map(GrantedAuthority::getAuthority).toList();
        List<String> tenants = authentication.getAuthorities().stream()
                .filter(TenantAuthority.class::isInstance).map(a -> ((TenantAuthority) a).tenantId()).toList();
        return new CurrentUser(authentication.getName(), groups, tenants);
    }
}
