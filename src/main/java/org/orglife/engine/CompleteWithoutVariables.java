package org.orglife.engine;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orglife.errors.JsonErrors;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses a task completion through the engine REST APIs that carries variables
 * ({@code POST …/task/{id}/complete} with {@code "variables"}): the engine would write them into the
 * process instance, where a cycle keeps which branch and year it is, who comments, its deadlines and
 * decisions. Forms are submitted through {@code …/submit-form}, whose variables stay on the task
 * ({@link TaskForms}); a completion without variables passes.
 */
public class CompleteWithoutVariables extends OncePerRequestFilter {

    private static final Pattern COMPLETE = Pattern.compile(".*/task/[^/]+/complete/?");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETE.matcher(QueryExpressionFilter.path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(QueryExpressionFilter.MAX_QUERY_BODY + 1);
        if (body.length > QueryExpressionFilter.MAX_QUERY_BODY) {
            JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "请求内容过大，已拒绝");
            return;
        }
        if (carriesVariables(body)) {
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST,
                    "办理任务时不能直接写入流程变量，请通过任务表单提交（submit-form）");
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    /** Malformed JSON is left to the engine, which refuses it with its own message. */
    private static boolean carriesVariables(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        try {
            JsonNode variables = JSON.readTree(body).path("variables");
            return variables.isObject() && !variables.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
