package org.orglife.security;

import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside the demo with no administrator password, or with a well-known one:
 * the first administrator is created from {@code ORGLIFE_ADMIN_PASSWORD}.
 */
@Component
class AdminPasswordGuard {

    private static final Set<String> WELL_KNOWN = Set.of("demo", "admin", "password", "123456", "camunda");

    AdminPasswordGuard(@Value("${orglife.demo.enabled:false}") boolean demo,
            @Value("${camunda.bpm.admin-user.password:}") String password) {
        if (!demo && (password.isBlank() || WELL_KNOWN.contains(password.toLowerCase()))) {
            throw new IllegalStateException("""
                    管理员密码未设置或过于简单：请用环境变量 ORGLIFE_ADMIN_PASSWORD 设置一个只有管理员知道的密码。
                    The administrator password is empty or well known: set ORGLIFE_ADMIN_PASSWORD.""");
        }
    }
}
