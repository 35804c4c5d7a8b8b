package org.orglife.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.orglife.errors.JsonErrors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Admin app's first-run setup ({@code /camunda/api/admin/setup/**}) as soon as any user
 * exists. Camunda's own check only looks for a direct member of {@code camunda-admin}, which is the
 * hole behind the end-of-life CVE; with users in the database nobody needs the setup page again.
 */
class SetupLockFilter extends OncePerRequestFilter {

    static final String PATH = "/camunda/api/admin/setup/";

    private final IdentityService identityService;

    SetupLockFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (identityService.createUserQuery().count() > 0) {
            JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN,
                    "系统已初始化，初始管理员设置入口已关闭；请由现有管理员在 Camunda Admin 中添加用户");
            return;
        }
        chain.doFilter(request, response);
    }
}
