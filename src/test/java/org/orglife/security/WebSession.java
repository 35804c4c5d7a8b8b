package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestTemplate;

/** A browser's session on the dashboard: signed in through the login form with its CSRF token. */
public final class WebSession {

    private final TestRestTemplate http;
    private final String cookie;

    private WebSession(TestRestTemplate http, String cookie) {
        this.http = http;
        this.cookie = cookie;
    }

    public static WebSession signIn(TestRestTemplate http, String person) {
        return signIn(http, person, "demo");
    }

    /** Signs in with another password than the demo's (the PostgreSQL tests' accounts have their own). */
    public static WebSession signIn(TestRestTemplate http, String person, String password) {
        ResponseEntity<String> form = http.getForEntity("/login", String.class);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.getBody());
        assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
        String cookie = form.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("username", person);
        fields.add("password", password);
        fields.add("_csrf", csrf.group(1));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        // a client that does not follow the redirect, to keep the new session id (it changes at sign-in)
        RestTemplate direct = new RestTemplate(new SimpleClientHttpRequestFactory());
        ResponseEntity<String> login = direct.postForEntity(http.getRootUri() + "/login",
                new HttpEntity<>(fields, headers), String.class);
        assertThat(login.getHeaders().getLocation()).as(person + " signed in")
                .hasToString(http.getRootUri() + "/dashboard");
        return new WebSession(http, login.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
    }

    public ResponseEntity<String> get(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /**
     * Posts a form as the signed-in browser does, with the session's CSRF token (read from the
     * dashboard's sign-out form); redirects are not followed.
     */
    public ResponseEntity<String> post(String path, Map<String, String> fields) {
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get("/dashboard").getBody());
        assertThat(csrf.find()).as("the dashboard carries a CSRF token").isTrue();
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        form.add("_csrf", csrf.group(1));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        RestTemplate direct = new RestTemplate(new SimpleClientHttpRequestFactory());
        direct.setErrorHandler(response -> false);
        return direct.exchange(http.getRootUri() + path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    /** Uploads a file as the signed-in browser's form does (multipart, with the CSRF token); no redirects followed. */
    public ResponseEntity<String> upload(String path, String fileName, byte[] content) {
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get("/dashboard").getBody());
        assertThat(csrf.find()).as("the dashboard carries a CSRF token").isTrue();
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrf.group(1));
        form.add("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.add(HttpHeaders.COOKIE, cookie);
        RestTemplate direct = new RestTemplate(new SimpleClientHttpRequestFactory());
        direct.setErrorHandler(response -> false);
        return direct.exchange(http.getRootUri() + path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    /** Reads a file as the signed-in browser does. */
    public ResponseEntity<byte[]> download(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }
}
