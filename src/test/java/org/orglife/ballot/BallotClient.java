package org.orglife.ballot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A member's phone on the ballot page: no session, no sign-in, a slip's code in the address. */
record BallotClient(TestRestTemplate http) {

    private static final Pattern CHOICE = Pattern.compile("name=\"m_([^\"]+)\"");

    ResponseEntity<String> page(String code) {
        return http.getForEntity("/ballot/" + code, String.class);
    }

    /** The member ids the page asks about, in its order. */
    static List<String> members(String page) {
        Matcher m = CHOICE.matcher(page);
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return List.copyOf(ids);
    }

    ResponseEntity<String> review(String code, Map<String, String> choices) {
        return post("/ballot/" + code + "/review", choices);
    }

    /** Confirms the choices (member id → grade name), as the review page's button does. */
    ResponseEntity<String> cast(String code, Map<String, String> choices) {
        return post("/ballot/" + code, choices);
    }

    private ResponseEntity<String> post(String path, Map<String, String> choices) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        choices.forEach((member, grade) -> form.add(member.startsWith("m_") ? member : "m_" + member, grade));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }
}
