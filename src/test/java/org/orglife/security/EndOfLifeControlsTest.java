package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orglife.identity.IdentitySync;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Camunda 7 CE gets no more fixes, so its known holes are closed by controls of ours (SECURITY.md):
 * the first-run setup is shut, expressions never reach the engine from a request, only
 * administrators write Tasklist filters, queries are bounded, logins are throttled, and a dead
 * node's jobs come back soon.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class EndOfLifeControlsTest {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired IdentitySync identitySync;
    @Autowired ProcessEngine engine;
    @Autowired CamundaBpmProperties camunda;

    /**
     * The engine REST API and the webapps find the engine in Camunda's static registry, where the
     * last test context started wins; point it back at this context's engine.
     */
    @BeforeEach
    void restTalksToThisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    @Test
    void theAdminSetupEndpointIsClosedOnceAnyUserExists() {
        ResponseEntity<JsonNode> create = http.postForEntity("/camunda/api/admin/setup/default/user/create",
                json("{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},"
                        + "\"credentials\":{\"password\":\"intruder-password\"}}"), JsonNode.class);

        assertThat(create.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(create.getBody().get("error").asText()).contains("初始管理员设置入口已关闭");
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
        assertThat(http.getForEntity("/camunda/api/admin/setup/default/user/create", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theAdministratorsGroupGetsItsDirectMemberBackAtTheNextSync() {
        identityService.deleteMembership("admin", "camunda-admin");
        assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).isZero();

        identitySync.sync();

        assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
                .extracting(User::getId).containsExactly("admin");
        assertThat(asAdmin().getForEntity("/engine-rest/group?member=admin&maxResults=50", JsonNode.class)
                .getBody().findValuesAsText("id")).contains("camunda-admin");
    }

    @Test
    void engineRestRequestsCarryingExpressionsAreRefusedBeforeTheEngine() {
        for (String query : new String[] {"assigneeExpression={e}", "assigneeExpression=%24%7Bx%7D",
                "candidateGroupsExpression={g}", "nameLike=%23%7B1%2B1%7D"}) {
            ResponseEntity<JsonNode> refused = as("office").exchange("/engine-rest/task?" + query, HttpMethod.GET,
                    null, JsonNode.class, Map.of("e", "${currentUser()}", "g", "#{currentUserGroups()}"));
            assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("error").asText()).contains("不允许使用表达式");
        }
        for (String body : new String[] {"{\"assigneeExpression\":\"${currentUser()}\"}",
                "{\"orQueries\":[{\"nameLike\":\"#{execution.getProcessEngineServices()}\"}]}",
                "{\"assigneeExpression\":\"\\u0024{currentUser()}\"}",
                "{\"assigneeExpression\":\"\\u0023\\u007b1}\"}"}) {
            ResponseEntity<JsonNode> refused = as("office").postForEntity("/engine-rest/task?maxResults=10",
                    json(body), JsonNode.class);
            assertThat(refused.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("error").asText()).contains("不允许使用表达式");
        }
        ResponseEntity<JsonNode> plain = as("office").postForEntity("/engine-rest/task?maxResults=10",
                json("{\"orQueries\":[{\"nameLike\":\"%工作方案%\"}]}"), JsonNode.class);
        assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyAdministratorsCreateOrEditTasklistFilters() {
        String filter = "{\"resourceType\":\"Task\",\"name\":\"全部任务\",\"query\":{}}";

        ResponseEntity<JsonNode> secretary = as("sec-DDG-01").postForEntity("/engine-rest/filter/create",
                json(filter), JsonNode.class);
        assertThat(secretary.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(secretary.getBody().get("message").asText()).isEqualTo("无权进行此操作");
        assertThat(as("office").postForEntity("/engine-rest/filter/create", json(filter), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        String shared = as("office").getForObject("/engine-rest/filter?name={n}&maxResults=1", JsonNode.class,
                "已逾期").get(0).get("id").asText();
        ResponseEntity<JsonNode> edit = as("office").exchange("/engine-rest/filter/" + shared, HttpMethod.PUT,
                json("{\"resourceType\":\"Task\",\"name\":\"已逾期\",\"query\":{}}"), JsonNode.class);
        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> admin = asAdmin().postForEntity("/engine-rest/filter/create", json(filter),
                JsonNode.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        asAdmin().delete("/engine-rest/filter/" + admin.getBody().get("id").asText());
    }

    @Test
    void queriesAreBoundedForSignedInCallers() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
        assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();

        ResponseEntity<JsonNode> unbounded = as("office").getForEntity("/engine-rest/task?maxResults=5000",
                JsonNode.class);
        assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unbounded.getBody().get("message").asText()).startsWith("请求有误");
        assertThat(as("office").getForEntity("/engine-rest/task?maxResults=2000", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() {
        User user = identityService.newUser("throttle-probe");
        user.setPassword("right-password");
        identityService.saveUser(user);

        assertThat(http.withBasicAuth("throttle-probe", "wrong").getForEntity("/api/branches", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("throttle-probe", "right-password").getForEntity("/api/branches", String.class)
                .getStatusCode()).as("the right password is refused during the delay").isEqualTo(HttpStatus.UNAUTHORIZED);
        identityService.unlockUser("throttle-probe");
        identityService.deleteUser("throttle-probe");
    }

    @Test
    void theWebappsCsrfCookieIsSecureInThePostgresProfile() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("src/main/resources/application-postgres.yaml"));
        Properties postgres = yaml.getObject();
        assertThat(postgres.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo("true");
    }

    @Test
    void theSessionCookieIsSameSiteAndOurPagesCarryTheirOwnContentSecurityPolicy() {
        ResponseEntity<String> login = http.getForEntity("/login", String.class);
        String cookie = login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(login.getHeaders().get("Content-Security-Policy")).containsExactly(SecurityConfig.CONTENT_SECURITY_POLICY);

        ResponseEntity<String> dashboard = org.orglife.security.WebSession.signIn(http, "supervisor").get("/dashboard");
        assertThat(dashboard.getHeaders().get("Content-Security-Policy")).containsExactly(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfig.CONTENT_SECURITY_POLICY).contains("script-src 'self';").doesNotContain("unsafe");
        // the policy allows no inline script: the page has none, only scripts by address and a JSON data block
        assertThat(dashboard.getBody()).doesNotContainPattern("<script(?![^>]*\\b(src|type=\"application/json\"))")
                .doesNotContainPattern("\\son[a-z]+=");

        // the Camunda pages keep their own policy, with the nonces their scripts need, and only that one
        List<String> camunda = http.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders()
                .get("Content-Security-Policy");
        assertThat(camunda).hasSize(1);
        assertThat(camunda.get(0)).contains("nonce-");

        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("src/main/resources/application-postgres.yaml"));
        assertThat(yaml.getObject().getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
    }

    @Test
    void aDeadNodesJobsAreTakenOverWithinTwoMinutes() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        // the tests run without a job executor, so the starter's settings are read where it takes them from
        JobExecutionProperty jobs = camunda.getJobExecution();
        assertThat(jobs.getLockTimeInMillis()).isBetween(60_000, 90_000);
        assertThat(jobs.getLockTimeInMillis() + jobs.getMaxWait()).isLessThanOrEqualTo(120_000);
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    }

    @Test
    void engineHistoryIsCleanedUpAtNightWhileOurArchiveStays() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
                .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                        .as(definition.getKey()).isNotNull().isPositive());
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().list())
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isNotNull());
    }

    @Test
    void accessIsGrantedAndNeverRevoked() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
        assertThat(engine.getAuthorizationService().createAuthorizationQuery()
                .authorizationType(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE).count())
                .as("revocations written by OrgLife").isZero();
    }

    /** The administrator's password comes from the test profile, not the demo's. */
    private TestRestTemplate asAdmin() {
        return http.withBasicAuth("admin", "test-admin-secret");
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
