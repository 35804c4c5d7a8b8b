package org.orglife.config;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses engine REST requests that carry an expression ({@code ${…}} or {@code #{…}}) before they
 * reach the engine: in Camunda 7 an expression in a query or a stored filter is code. The query
 * string is checked on every request, the body on every request except those that carry user data
 * as variables (form submissions, variable writes, starts, messages), where the text is never
 * evaluated. JSON unicode escapes and URL encoding are undone before looking, and the path is
 * read as the servlet container resolved it, so that {@code %74ask} is {@code task} here too.
 *
 * <p>That is every request to {@code /engine-rest}; in the webapps' engine REST API (under
 * {@code /camunda/api/engine}) only the task queries, the one kind of engine query that evaluates
 * expressions (directly or through a filter), because there the webapps also send user data outside
 * form submissions (Admin's passwords) and an administrator may still store a filter with
 * {@code ${currentUser()}} in Tasklist.
 */
class QueryExpressionFilter extends OncePerRequestFilter {

    static final String PATH = "/engine-rest/";
    /** Under the webapps' engine REST API: task queries, plain or through a stored filter. */
    private static final Pattern WEBAPP_TASK_QUERY = Pattern
            .compile("/engine/[^/]+/(task|task/count|filter/[^/]+/(list|count|singleResult))/?");

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
    private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    /** Endpoints whose body is data (variables, files), not a query. */
    private static final List<String> DATA_ENDPOINTS = List.of("/submit-form", "/complete", "/resolve", "/variables",
            "/localvariables", "/start", "/message", "/signal", "/deployment/create", "/attachment/create",
            "/comment/create");
    /** Bodies beyond this are not queries; refusing them here keeps the check cheap. */
    static final int MAX_QUERY_BODY = 256 * 1024;

    private final String webappEnginePath;

    /** @param webappEnginePath the webapps' engine REST API, e.g. {@code /camunda/api/engine} */
    QueryExpressionFilter(String webappEnginePath) {
        this.webappEnginePath = webappEnginePath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        if (path.startsWith(PATH)) {
            return false;
        }
        return !(path.startsWith(webappEnginePath + "/")
                && WEBAPP_TASK_QUERY.matcher(path.substring(webappEnginePath.length())).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (containsExpression(decodeUrl(request.getQueryString()))) {
            refuse(response);
            return;
        }
        if (carriesData(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
        if (body.length > MAX_QUERY_BODY) {
            JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "查询请求内容过大，已拒绝");
            return;
        }
        if (containsExpression(unescapeJson(new String(body, StandardCharsets.UTF_8)))) {
            refuse(response);
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    static boolean containsExpression(String text) {
        return text != null && EXPRESSION.matcher(text).find();
    }

    private static boolean carriesData(HttpServletRequest request) {
        String path = path(request).toLowerCase(Locale.ROOT);
        return DATA_ENDPOINTS.stream().anyMatch(path::contains);
    }

    /** The path as the servlet container resolved it (decoded, without path parameters), not as spelled. */
    static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** Decoded until nothing changes, so that double encoding hides nothing. */
    static String decodeUrl(String query) {
        String decoded = query;
        for (int round = 0; decoded != null && round < 5; round++) {
            String next;
            try {
                next = URLDecoder.decode(decoded, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return decoded;
            }
            if (next.equals(decoded)) {
                return decoded;
            }
            decoded = next;
        }
        return decoded;
    }

    static String unescapeJson(String text) {
        return JSON_ESCAPE.matcher(text).replaceAll(m -> {
            String character = String.valueOf((char) Integer.parseInt(m.group(1), 16));
            return java.util.regex.Matcher.quoteReplacement(character);
        });
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST,
                "查询条件中不允许使用表达式（${…} 或 #{…}），请求已拒绝");
    }
}
