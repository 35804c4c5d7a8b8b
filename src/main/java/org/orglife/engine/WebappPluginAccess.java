package org.orglife.engine;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.orglife.errors.JsonErrors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' plugin APIs ({@code /camunda/api/cockpit|admin|tasklist/plugin/…}) for the people who may
 * use that webapp. Camunda's own rules only ask that the caller be signed in to the engine, so a
 * secretary signed in to Tasklist could call Cockpit's plugin queries, which count every branch's
 * instances. Here the webapp's session says which apps its person may use (as it does for the pages),
 * and a call into another app's plugins is refused with 403; the plugins' static files stay open.
 */
public class WebappPluginAccess extends OncePerRequestFilter {

    private static final Pattern PLUGIN_CALL = Pattern.compile("/api/(cockpit|admin|tasklist)/plugin/[^/]+/([^/]+)/.*");
    private static final Map<String, String> NAMES = Map.of("cockpit", "驾驶舱（Cockpit）", "admin", "管理（Admin）",
            "tasklist", "任务列表（Tasklist）");

    private final String applicationPath;

    /** @param applicationPath the webapps' path, {@code camunda.bpm.webapp.application-path} */
    public WebappPluginAccess(String applicationPath) {
        this.applicationPath = applicationPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !QueryExpressionFilter.path(request).startsWith(applicationPath + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher call = PLUGIN_CALL.matcher(QueryExpressionFilter.path(request).substring(applicationPath.length()));
        if (call.matches() && !"static".equals(call.group(2)) && !mayUse(request, call.group(2), call.group(1))) {
            JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN,
                    "无权使用" + NAMES.get(call.group(1)) + "的接口");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Not signed in to that engine is left to the webapps, which answer 401. */
    private static boolean mayUse(HttpServletRequest request, String engine, String app) {
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        Authentication person = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engine);
        return !(person instanceof UserAuthentication user) || user.isAuthorizedForApp(app);
    }
}
