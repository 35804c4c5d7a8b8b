package org.orglife.security;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orglife.errors.JsonErrors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any other filter or servlet, a request whose path is not written the one plain way:
 * doubled slashes, path parameters ({@code ;x}), backslashes, dot segments, or escapes of a slash, a
 * backslash, a dot, a percent sign or a zero byte. The servlet container resolves such a path to
 * another one for choosing the servlet, while filters that compare the path as written (the Admin
 * setup lock, the webapps' own path rules) see the spelling: the two disagreeing is how a request gets
 * past a filter it is meant for. Nobody needs such a path; it is answered with 400 in Chinese.
 */
class CanonicalPaths extends OncePerRequestFilter {

    static final String REFUSED = "请求的地址写法不规范（含有 //、;、\\、./、../ 或编码的斜杠、点、百分号），请检查地址";

    private static final List<String> NEVER = List.of("//", ";", "\\", "%2f", "%5c", "%2e", "%25", "%00", "/./",
            "/../");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isCanonical(request.getRequestURI().substring(request.getContextPath().length()))) {
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, REFUSED);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isCanonical(String rawPath) {
        String path = rawPath.toLowerCase(Locale.ROOT);
        return NEVER.stream().noneMatch(path::contains) && !path.endsWith("/.") && !path.endsWith("/..");
    }
}
