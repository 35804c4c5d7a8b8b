package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A browser's session in the Camunda webapps, as Tasklist keeps it: signed in through the webapps'
 * login endpoint, every change sent with the session cookie and the webapps' CSRF token header.
 */
public final class WebappSession {

    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    public static final String ENGINES = "/camunda/api/engine/engine";

    private final TestRestTemplate http;
    private final String cookie;
    private final String csrfToken;

    private WebappSession(TestRestTemplate http, String cookie, String csrfToken) {
        this.http = http;
        this.cookie = cookie;
        this.csrfToken = csrfToken;
    }

    /** Signs the person in to Tasklist with the demo password. */
    public static WebappSession signInToTasklist(TestRestTemplate http, String person) {
        // any read under /camunda/api opens a session and hands out its CSRF token
        ResponseEntity<String> first = http.getForEntity(ENGINES, String.class);
        String session = sessionCookie(first.getHeaders());
        String token = csrfToken(first.getHeaders());

        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("username", person);
        fields.add("password", "demo");
        HttpHeaders headers = headers(session, token);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>(fields, headers), String.class);
        assertThat(login.getStatusCode().value()).as(person + " signed in to Tasklist: " + login.getBody())
                .isEqualTo(200);

        // signing in starts a new session, without a token: the next read hands out one, as Tasklist's does
        String signedIn = sessionCookie(login.getHeaders());
        ResponseEntity<String> next = http.exchange(ENGINES, HttpMethod.GET,
                new HttpEntity<>(headers(signedIn, null)), String.class);
        return new WebappSession(http, signedIn, csrfToken(next.getHeaders()));
    }

    public ResponseEntity<JsonNode> get(String path, Object... uriVariables) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(cookie, csrfToken)), JsonNode.class,
                uriVariables);
    }

    public ResponseEntity<JsonNode> post(String path, String json) {
        return http.exchange(path, HttpMethod.POST, json(json), JsonNode.class);
    }

    /** A body sent as these bytes, with this content type, as a client with its own encoding would. */
    ResponseEntity<JsonNode> post(String path, byte[] body, String contentType) {
        HttpHeaders headers = headers(cookie, csrfToken);
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** To a URI sent as it is written, escapes and all. */
    ResponseEntity<JsonNode> post(URI uri, String json) {
        return http.exchange(uri, HttpMethod.POST, json(json), JsonNode.class);
    }

    private HttpEntity<String> json(String json) {
        HttpHeaders headers = headers(cookie, csrfToken);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json, headers);
    }

    private static HttpHeaders headers(String session, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        if (token != null) {
            headers.add(CSRF_HEADER, token);
        }
        return headers;
    }

    private static String csrfToken(HttpHeaders headers) {
        String token = headers.getFirst(CSRF_HEADER);
        assertThat(token).as("the webapps hand out a CSRF token").isNotBlank();
        return token;
    }

    private static String sessionCookie(HttpHeaders headers) {
        List<String> cookies = headers.getOrEmpty(HttpHeaders.SET_COOKIE);
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";")[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }
}
