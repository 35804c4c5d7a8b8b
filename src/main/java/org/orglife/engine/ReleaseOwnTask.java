package org.orglife.engine;

import java.io.IOException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Whoever holds a task may release it ({@code POST …/task/{id}/unclaim}, Tasklist's 取消认领): the engine
 * asks for the right to assign the task to anyone, which a secretary does not hold (and should not: it
 * would let them hand a branch's task to anybody), so the assignee's own release is done here, and the
 * task goes back to its candidates. Anyone else's unclaim goes on to the engine, which refuses it.
 */
public class ReleaseOwnTask extends OncePerRequestFilter {

    private static final Pattern UNCLAIM = Pattern.compile(".*/task/([^/]+)/unclaim/?");

    private final Supplier<ProcessEngine> engine;

    public ReleaseOwnTask(Supplier<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !UNCLAIM.matcher(QueryExpressionFilter.path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher unclaim = UNCLAIM.matcher(QueryExpressionFilter.path(request));
        ProcessEngine processEngine = engine.get();
        String user = signedIn(request, processEngine.getName());
        if (user == null || !unclaim.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String taskId = unclaim.group(1);
        boolean released = AsSystem.call(processEngine.getIdentityService(), () -> {
            Task task = processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null || !user.equals(task.getAssignee())) {
                return false;
            }
            processEngine.getTaskService().setAssignee(taskId, null);
            return true;
        });
        if (released) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Who calls: signed in to the application ({@code /engine-rest}), or to the webapps (Tasklist). */
    private static String signedIn(HttpServletRequest request, String engineName) {
        if (request.getRemoteUser() != null) {
            return request.getRemoteUser();
        }
        HttpSession session = request.getSession(false);
        Authentications webapps = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        Authentication person = webapps == null ? null : webapps.getAuthenticationForProcessEngine(engineName);
        return person == null ? null : person.getName();
    }
}
