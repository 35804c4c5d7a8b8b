package org.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/** The demo township over real HTTP: start page, sign-in, who sees which branches, roster upload. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ApplicationWebTest {

    @Autowired TestRestTemplate http;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;

    @Test
    void theStartPageLeadsToTheCamundaWebapps() {
        // the test client follows the redirect to the Welcome app
        ResponseEntity<String> response = http.getForEntity("/", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("camunda-welcome");
        assertThat(http.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theDemoTownshipIsLoaded() {
        JsonNode branches = as("office").getForObject("/api/branches", JsonNode.class);
        assertThat(branches).hasSizeGreaterThanOrEqualTo(8);
        assertThat(branches.findValuesAsText("kind")).contains("VILLAGE", "ORGAN", "SCHOOL", "CLINIC",
                "PRIVATE_ENTERPRISE", "GENERAL_BRANCH");
        int members = 0;
        for (JsonNode branch : branches) {
            members += as("office").getForObject("/api/branches/" + branch.get("code").asText() + "/members",
                    JsonNode.class).size();
        }
        assertThat(members).isGreaterThanOrEqualTo(300);
    }

    @Test
    void anonymousCallsAreRefusedInChinese() {
        ResponseEntity<JsonNode> api = http.getForEntity("/api/branches", JsonNode.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.getBody().get("error").asText()).startsWith("请先登录");
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("sec-DDG-01", "wrong").getForEntity("/api/branches", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the wrong password started the login delay; other tests sign in as sec-DDG-01 right away
        identityService.unlockUser("sec-DDG-01");
    }

    @Test
    void eachPersonSeesOnlyTheirBranches() {
        assertThat(as("sec-DDG-01").getForObject("/api/branches", JsonNode.class).findValuesAsText("code"))
                .containsExactly("DDG-01");
        assertThat(as("liaison1").getForObject("/api/branches", JsonNode.class).findValuesAsText("code"))
                .containsExactlyInAnyOrder("DDG-01", "DDG-02", "DDG-07", "DDG-08", "DDG-09");
        assertThat(as("sec-DDG-01").getForEntity("/api/branches/DDG-02/members", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("supervisor").getForObject("/api/branches", JsonNode.class).size()).isEqualTo(10);
    }

    @Test
    void theEngineRestApiAppliesTheEnginesAuthorizations() {
        assertThat(as("sec-DDG-01").getForEntity("/engine-rest/filter?maxResults=100", JsonNode.class).getBody()
                .findValuesAsText("name")).contains("本支部待办").doesNotContain("全镇各支部待办");
        assertThat(as("office").getForEntity("/engine-rest/filter?maxResults=100", JsonNode.class).getBody()
                .findValuesAsText("name")).contains("全镇各支部待办");
    }

    @Test
    void onlyTheOfficeImportsRostersAndBadRostersAreExplained() throws Exception {
        byte[] members = Files.readAllBytes(Path.of("examples/roster/members.csv"));
        String broken = new String(members, java.nio.charset.StandardCharsets.UTF_8).replace("DDG01-002,DDG-01,",
                "DDG01-002,DDG-77,");

        assertThat(upload("sec-DDG-01", "members.csv", members).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> refused = upload("office", "members.csv",
                broken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("error").asText()).isEqualTo("花名册有 1 处错误，未导入任何数据");
        assertThat(refused.getBody().get("details").get(0).asText())
                .isEqualTo("members.csv 第 3 行「所在支部编号」：支部 DDG-77 不存在，请先导入支部表");

        ResponseEntity<JsonNode> again = upload("office", "members.csv", members);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("membersAdded").asInt()).isZero();
        assertThat(again.getBody().get("membersChanged").asInt()).isZero();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private ResponseEntity<JsonNode> upload(String user, String name, byte[] content) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/roster", new HttpEntity<>(body, headers), JsonNode.class);
    }
}
