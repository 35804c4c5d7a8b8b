package org.orglife.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orglife.errors.JsonErrors;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP layer in front of the engine's own check ({@link CallerLimits}): refuses engine REST requests
 * that carry an expression ({@code ${…}} or {@code #{…}}) before they reach the engine, and bodies the
 * engine's JSON reader would take in an encoding other than UTF-8.
 *
 * <p>The engine REST layer reads JSON with Jackson, which detects UTF-16 and UTF-32 from a body's first
 * bytes whatever the request declares; a check that read every body as UTF-8 saw nothing in a UTF-16
 * query. So a body is looked at as Jackson would: a declared charset other than UTF-8, a UTF-16 or
 * UTF-32 byte-order mark, or the zero bytes that such encodings give JSON's first characters, are
 * refused with 415; a query's body must be valid UTF-8 and is parsed as JSON, so that unicode escapes
 * are undone, and every name and text in it is looked at. The query string is URL-decoded until nothing
 * changes. The path is read as the servlet container resolved it, so that {@code %74ask} is {@code task}.
 *
 * <p>Expressions are looked for in every request to {@code /engine-rest}, except in the bodies of
 * endpoints that carry user data as variables (form submissions, variable writes, starts, messages),
 * where the text is never evaluated; in the webapps' engine REST API (under {@code /camunda/api/engine})
 * in the task queries only, the one kind of engine query that evaluates expressions (directly or
 * through a filter), because there the webapps also send user data outside form submissions (Admin's
 * passwords) and an administrator may store a filter with {@code ${currentUser()}} in Tasklist.
 * Encodings are checked on both paths for every body.
 */
public class QueryExpressionFilter extends OncePerRequestFilter {

    public static final String PATH = "/engine-rest/";
    static final String EXPRESSION_REFUSED = CallerLimits.EXPRESSION;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String webappEnginePath;

    /** @param webappEnginePath the webapps' engine REST API, e.g. {@code /camunda/api/engine} */
    public QueryExpressionFilter(String webappEnginePath) {
        this.webappEnginePath = webappEnginePath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !path.startsWith(PATH) && !path.startsWith(webappEnginePath + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean query = looksForExpressions(request);
        if (query && containsExpression(decodeUrl(request.getQueryString()))) {
            refuse(response);
            return;
        }
        String charset = declaredCharset(request);
        if (charset != null && !isUtf8(charset)) {
            unsupported(response, charset);
            return;
        }
        if (!readAsJson(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!query || carriesData(request)) {
            // only the first bytes decide the encoding (as in Jackson); the rest streams on unread
            InputStream in = request.getInputStream();
            byte[] start = in.readNBytes(4);
            String encoding = otherEncoding(start);
            if (encoding != null) {
                unsupported(response, encoding);
                return;
            }
            chain.doFilter(new ReplayedBody(request, new SequenceInputStream(new ByteArrayInputStream(start), in)),
                    response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
        if (body.length > MAX_QUERY_BODY) {
            JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "查询请求内容过大，已拒绝");
            return;
        }
        String encoding = otherEncoding(body);
        if (encoding != null) {
            unsupported(response, encoding);
            return;
        }
        String text = strictUtf8(body);
        if (text == null) {
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "请求内容不是有效的 UTF-8 文本，请求已拒绝");
            return;
        }
        if (carriesExpression(text)) {
            refuse(response);
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    /** Every request to {@code /engine-rest}; in the webapps' engine API, the task queries. */
    private boolean looksForExpressions(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith(PATH) || WEBAPP_TASK_QUERY.matcher(path.substring(webappEnginePath.length())).matches();
    }

    /** Multipart uploads and HTML forms are not read as JSON; everything else is, as by the engine REST layer. */
    private static boolean readAsJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return true;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return !lower.startsWith("multipart/") && !lower.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /** The charset the request declares for its body, or null. */
    private static String declaredCharset(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(type).getParameter("charset");
        } catch (InvalidMediaTypeException e) {
            return type;
        }
    }

    private static boolean isUtf8(String charset) {
        String name = charset.replace("\"", "").trim().toLowerCase(Locale.ROOT);
        return name.equals("utf-8") || name.equals("utf8");
    }

    /**
     * The encoding Jackson would read the body in when it is not UTF-8: a UTF-16 or UTF-32 byte-order mark,
     * or a zero among the first four bytes, which UTF-8 JSON never has (its first character is ASCII, and
     * UTF-16 and UTF-32 write an ASCII character with zero bytes). Null for UTF-8, with or without its mark.
     */
    static String otherEncoding(byte[] body) {
        int length = Math.min(body.length, 4);
        if (length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
            return length == 4 && body[2] == 0 && body[3] == 0 ? "UTF-32LE" : "UTF-16";
        }
        for (int i = 0; i < length; i++) {
            if (body[i] == 0) {
                return length == 4 && (body[0] == 0 && body[1] == 0 || body[2] == 0 && body[3] == 0) ? "UTF-32"
                        : "UTF-16";
            }
        }
        return null;
    }

    private static String strictUtf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Whether a JSON body carries an expression in any of its names or texts, read as the engine reads
     * it (escapes undone); a body that is no JSON is looked at as text with its escapes undone.
     */
    static boolean carriesExpression(String body) {
        if (body.isBlank()) {
            return false;
        }
        try {
            return carriesExpression(JSON.readTree(body));
        } catch (IOException e) {
            return containsExpression(unescapeJson(body));
        }
    }

    private static boolean carriesExpression(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return containsExpression(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (containsExpression(field.getKey()) || carriesExpression(field.getValue())) {
                    return true;
                }
            }
            return false;
        }
        for (JsonNode element : node) {
            if (carriesExpression(element)) {
                return true;
            }
        }
        return false;
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
            return Matcher.quoteReplacement(character);
        });
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, EXPRESSION_REFUSED);
    }

    private static void unsupported(HttpServletResponse response, String encoding) throws IOException {
        JsonErrors.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                "请求内容须为 UTF-8 编码的 JSON，不接受 " + encoding + " 编码，请求已拒绝");
    }
}
