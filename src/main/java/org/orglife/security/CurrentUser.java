package org.orglife.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in person as the domain sees them: user id and engine group ids. */
public record CurrentUser(String id, List<String> groupIds) {

    static CurrentUser of(Authentication authentication) {
        return new CurrentUser(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }
}
