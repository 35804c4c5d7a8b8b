package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orglife.registry.Account;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.orglife.review.ReviewCycleRepository;
import org.orglife.review.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may see and do what, through the real HTTP endpoints, for every branch in the registry (a new
 * branch is covered without touching this test): engine REST task, process-instance and history
 * queries, variable reads, claim and complete; {@code /api}; the dashboard. Every branch has a cycle
 * of {@value #YEAR} with its open plan task; DDG-01's plan waits for the office's review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class AuthorizationMatrixTest {

    static final int YEAR = 2051;
    static final String REVIEWED = "DDG-01";

    @Autowired TestRestTemplate http;
    @Autowired BranchRepository branches;
    @Autowired ReviewCycles reviewCycles;
    @Autowired ReviewCycleRepository cycles;
    @Autowired ProcessEngine engine;

    List<Branch> active;

    /**
     * The engine REST API and the webapps find the engine in Camunda's static registry, where the
     * last test context started wins; point it back at this context's engine.
     */
    @BeforeEach
    void restTalksToThisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    @BeforeEach
    void everyBranchHasACycle() {
        active = branches.findActive();
        for (Branch branch : active) {
            if (cycles.find(YEAR + "-" + branch.code()).isEmpty()) {
                reviewCycles.start(branch.code(), YEAR, Map.of());
            }
        }
        Task plan = task(REVIEWED, "draftWorkPlan");
        if (plan != null) {
            engine.getFormService().submitTaskForm(plan.getId(), Map.of("committeeMeetingOn", "2051-12-01",
                    "membersMeetingOn", "2051-12-02", "venue", "党员活动室", "studyTopics", "学习",
                    "membersMeetingForm", "WHOLE"));
        }
    }

    @Test
    void aSecretaryNeitherSeesNorWorksAnythingOfAnotherBranch() {
        List<String> problems = active.parallelStream().flatMap(own -> {
            String secretary = own.secretary().userId();
            List<String> found = new ArrayList<>(listsOnly(secretary, Set.of(own.code())));
            if (!own.code().equals(REVIEWED) && taskKeys(secretary, own.code()).isEmpty()) {
                found.add(secretary + " does not see the own branch's tasks");
            }
            for (Branch other : active) {
                if (!other.code().equals(own.code())) {
                    found.addAll(cannotWork(secretary, other));
                    if (get(secretary, "/api/branches/" + other.code() + "/reviews/" + YEAR).getStatusCode()
                            != HttpStatus.NOT_FOUND) {
                        found.add(secretary + " reads the archive of " + other.code());
                    }
                }
            }
            return found.stream();
        }).toList();
        assertThat(problems).isEmpty();
    }

    @Test
    void aLiaisonCadreSeesOnlyTheBranchesTheyAreNamedForAndWorksNoneOfTheirSteps() {
        Set<String> people = new LinkedHashSet<>();
        active.forEach(b -> {
            people.add(b.liaison().userId());
            if (b.areaChief() != null) {
                people.add(b.areaChief().userId());
            }
        });
        List<String> problems = people.parallelStream().flatMap(person -> {
            Set<String> theirs = new java.util.TreeSet<>();
            active.stream().filter(b -> names(b, person)).forEach(b -> theirs.add(b.code()));
            List<String> found = new ArrayList<>(listsOnly(person, theirs));
            if (keys(list(person, "/engine-rest/process-instance?businessKeyLike=" + YEAR + "-%"), "businessKey")
                    .size() != theirs.size()) {
                found.add(person + " does not see every cycle of " + theirs);
            }
            for (Branch branch : active) {
                if (theirs.contains(branch.code())) {
                    Task step = firstOpen(branch);
                    if (!List.of(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND).contains(
                            post(person, "/engine-rest/task/" + step.getId() + "/complete", "{}").getStatusCode())) {
                        found.add(person + " completes " + step.getTaskDefinitionKey() + " of " + branch.code());
                    }
                } else {
                    found.addAll(cannotWork(person, branch));
                }
            }
            return found.stream();
        }).toList();
        assertThat(problems).isEmpty();
    }

    @Test
    void supervisorsReadEverythingAndChangeNothing() {
        SoftAssertions softly = new SoftAssertions();
        for (Branch branch : active) {
            softly.assertThat(list("supervisor", "/engine-rest/process-instance?businessKey=" + key(branch))).hasSize(1);
            softly.assertThat(list("supervisor", "/engine-rest/task?processInstanceBusinessKey=" + key(branch)))
                    .isNotEmpty();
            softly.assertThat(get("supervisor", "/api/branches/" + branch.code() + "/reviews/" + YEAR).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        Task review = task(REVIEWED, "reviewWorkPlan");
        for (String action : new String[] {"/claim", "/complete", "/submit-form"}) {
            ResponseEntity<JsonNode> refused = post("supervisor", "/engine-rest/task/" + review.getId() + action,
                    switch (action) {
                        case "/claim" -> "{\"userId\":\"supervisor\"}";
                        // a completion carrying variables is refused before any permission is looked at
                        case "/complete" -> "{}";
                        default -> "{\"variables\":{\"planDecision\":{\"value\":\"APPROVE\"}}}";
                    });
            softly.assertThat(refused.getStatusCode()).as("supervisor " + action).isEqualTo(HttpStatus.FORBIDDEN);
            softly.assertThat(refused.getBody().get("message").asText()).isEqualTo("无权进行此操作");
        }
        softly.assertThat(post("supervisor", "/api/campaigns", "{\"year\":2052}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        softly.assertThat(post("supervisor", "/api/branches/DDG-02/reviews/2052", "").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        softly.assertAll();
        assertThat(task(REVIEWED, "reviewWorkPlan")).as("still open").isNotNull();
    }

    @Test
    void onlyTheOfficeReviewsPlansAndLaunchesCampaigns() {
        Task review = task(REVIEWED, "reviewWorkPlan");
        SoftAssertions softly = new SoftAssertions();
        List<String> others = new ArrayList<>(List.of("supervisor"));
        active.forEach(b -> others.add(b.secretary().userId()));
        active.forEach(b -> others.add(b.liaison().userId()));
        for (String person : new LinkedHashSet<>(others)) {
            softly.assertThat(post(person, "/engine-rest/task/" + review.getId() + "/submit-form",
                    "{\"variables\":{\"planDecision\":{\"value\":\"APPROVE\"}}}").getStatusCode())
                    .as("%s reviews the plan", person).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            softly.assertThat(post(person, "/api/campaigns", "{\"year\":2052}").getStatusCode())
                    .as("%s launches a campaign", person).isEqualTo(HttpStatus.FORBIDDEN);
        }
        softly.assertAll();

        ResponseEntity<JsonNode> launch = post("office", "/api/campaigns", "{\"year\":2052}");
        assertThat(launch.getStatusCode()).as("the office gets past the permission check to the rules")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(launch.getBody().get("error").asText()).isEqualTo("年度工作部署有误，未启动");
        assertThat(post("office", "/engine-rest/task/" + review.getId() + "/submit-form",
                "{\"variables\":{\"planDecision\":{\"value\":\"RETURN\"},\"planReturnReason\":{\"value\":\"请补充\"}}}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void theDashboardShowsEachPersonOnlyTheirBranches() {
        SoftAssertions softly = new SoftAssertions();
        for (Branch own : active) {
            String secretary = own.secretary().userId();
            WebSession session = WebSession.signIn(http, secretary);
            softly.assertThat(dashboardBranches(session)).as(secretary).containsExactly(own.code());
            for (Branch other : active) {
                if (!other.code().equals(own.code())) {
                    softly.assertThat(session.get("/dashboard/branches/" + other.code() + "/reviews/" + YEAR)
                            .getStatusCode()).as("%s opens the archive of %s", secretary, other.code())
                            .isEqualTo(HttpStatus.NOT_FOUND);
                }
            }
        }
        String liaison = active.get(0).liaison().userId();
        softly.assertThat(dashboardBranches(WebSession.signIn(http, liaison))).containsExactlyInAnyOrderElementsOf(
                active.stream().filter(b -> names(b, liaison)).map(Branch::code).toList());
        softly.assertThat(dashboardBranches(WebSession.signIn(http, "supervisor"))).hasSize(active.size());
        softly.assertAll();
    }

    /**
     * Every engine list the person can ask for over the year's cycles (tasks, instances, history)
     * holds only the given branches' cycles.
     */
    private List<String> listsOnly(String person, Set<String> branchCodes) {
        List<String> found = new ArrayList<>();
        Set<String> allowed = new java.util.HashSet<>();
        branchCodes.forEach(code -> allowed.add(YEAR + "-" + code));
        Map<String, String> queries = Map.of(
                "/engine-rest/task?processInstanceBusinessKeyLike=" + YEAR + "-%", "processInstanceId",
                "/engine-rest/process-instance?businessKeyLike=" + YEAR + "-%", "businessKey",
                "/engine-rest/history/process-instance?processInstanceBusinessKeyLike=" + YEAR + "-%", "businessKey",
                "/engine-rest/history/task?processInstanceBusinessKeyLike=" + YEAR + "-%", "processInstanceId",
                "/engine-rest/variable-instance?variableName=branchCode", "processInstanceId");
        queries.forEach((path, field) -> {
            for (String value : keys(list(person, path), field)) {
                String key = field.equals("businessKey") ? value : businessKeyOf(value);
                if (key != null && key.startsWith(YEAR + "-") && !allowed.contains(key)) {
                    found.add(person + " lists " + key + " through " + path);
                }
            }
        });
        return found;
    }

    /** Cannot read variables of, claim or complete the branch's open step. */
    private List<String> cannotWork(String person, Branch branch) {
        Task task = firstOpen(branch);
        List<String> found = new ArrayList<>();
        Map<String, ResponseEntity<JsonNode>> attempts = new java.util.LinkedHashMap<>();
        attempts.put("task variables", get(person, "/engine-rest/task/" + task.getId() + "/variables"));
        attempts.put("instance variables", get(person, "/engine-rest/process-instance/" + task.getProcessInstanceId()
                + "/variables"));
        attempts.put("claim", post(person, "/engine-rest/task/" + task.getId() + "/claim",
                "{\"userId\":\"" + person + "\"}"));
        attempts.put("complete", post(person, "/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\":{}}"));
        attempts.forEach((what, response) -> {
            boolean refused = response.getStatusCode() == HttpStatus.FORBIDDEN
                    || response.getStatusCode() == HttpStatus.NOT_FOUND;
            String message = response.getBody() == null ? "" : response.getBody().path("message").asText();
            if (!refused || !message.matches(".*\\p{IsHan}.*")) {
                found.add(person + " " + what + " of " + branch.code() + ": " + response.getStatusCode() + " " + message);
            }
        });
        return found;
    }

    private String businessKeyOf(String processInstanceId) {
        var instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    private static List<String> keys(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    private static boolean names(Branch branch, String person) {
        Account chief = branch.areaChief();
        return branch.liaison().userId().equals(person) || (chief != null && chief.userId().equals(person));
    }

    private static String key(Branch branch) {
        return YEAR + "-" + branch.code();
    }

    private Task task(String branch, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-" + branch)
                .taskDefinitionKey(key).singleResult();
    }

    private Task firstOpen(Branch branch) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key(branch)).listPage(0, 1).get(0);
    }

    private List<String> taskKeys(String person, String branch) {
        List<String> keys = new ArrayList<>();
        list(person, "/engine-rest/task?processInstanceBusinessKey=" + YEAR + "-" + branch)
                .forEach(t -> keys.add(t.get("taskDefinitionKey").asText()));
        return keys;
    }

    private JsonNode list(String person, String path) {
        ResponseEntity<JsonNode> response = get(person, path + "&maxResults=100");
        assertThat(response.getStatusCode()).as(person + " " + path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> get(String person, String path) {
        return http.withBasicAuth(person, "demo").getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String person, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(person, "demo").postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private List<String> dashboardBranches(WebSession session) {
        ResponseEntity<String> page = session.get("/dashboard?year=" + YEAR);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Matcher m = Pattern.compile("data-branch=\"([^\"]+)\"").matcher(page.getBody());
        List<String> codes = new ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
