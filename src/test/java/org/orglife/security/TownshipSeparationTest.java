package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orglife.campaign.CampaignRecords;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.orglife.registry.CountyProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Townships are tenants, and nobody reads another township's work (SPEC §10). The people come from the
 * registry of the demo county (three townships): every township's office and supervisors, every branch's
 * secretary, liaison cadre and area chief, and the county's staff. Each reads every list the engine REST
 * API, the webapps' engine API (what Tasklist and Cockpit call), Cockpit's own plugin API and {@code /api}
 * offer, and asks for each foreign township's campaign, statistics, branches and archive by name: a single
 * row of a township not theirs is a leak. The county's staff read every township.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TownshipSeparationTest {

    static final int YEAR = 2047;

    /** Engine lists, each item with its {@code tenantId}. */
    static final List<String> ENGINE_LISTS = List.of("/process-instance", "/task", "/execution", "/variable-instance",
            "/event-subscription", "/incident", "/history/process-instance", "/history/task",
            "/history/activity-instance", "/history/variable-instance", "/history/detail",
            "/history/identity-link-log", "/history/incident", "/history/decision-instance");

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired CountyProperties county;
    @Autowired BranchRepository branches;
    @Autowired CampaignRecords records;

    @BeforeEach
    void restTalksToThisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    /** The county's year launched and every township's within it, with a step done in each township. */
    @BeforeEach
    void everyTownshipIsAtWork() {
        if (records.findCounty(YEAR).isPresent()) {
            return;
        }
        // as the people do it: the county's staff, then each township's office, over /api
        String deadlines = "\"year\":" + YEAR + ",\"planDueBy\":\"" + (YEAR + 1) + "-01-20\",\"meetingsDueBy\":\""
                + (YEAR + 1) + "-02-10\",\"statisticsDueBy\":\"" + (YEAR + 1) + "-02-24\"";
        assertThat(post("county", "/api/county/campaigns", "{" + deadlines + ",\"spotCheckShare\":1}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        for (CountyProperties.Township township : county.townships()) {
            ResponseEntity<JsonNode> launched = post(township.staff().get(0).id(), "/api/campaigns", "{" + deadlines + "}");
            assertThat(launched.getStatusCode()).as(launched.getBody().toString()).isEqualTo(HttpStatus.CREATED);
            assertThat(launched.getBody().path("townshipCode").asText()).isEqualTo(township.code());
        }
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list();
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        for (String branch : List.of("DDG-01", "NCZ-01", "CDX-01")) {
            Task plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-" + branch)
                    .taskDefinitionKey("draftWorkPlan").singleResult();
            engine.getFormService().submitTaskForm(plan.getId(), Map.of("committeeMeetingOn", YEAR + "-12-20",
                    "membersMeetingOn", YEAR + "-12-21", "venue", "党员活动室", "studyTopics", "学习",
                    "membersMeetingForm", "WHOLE"));
        }
    }

    /** Everyone the registry and the configuration name, with the townships they may read. */
    Map<String, Set<String>> people() {
        Map<String, Set<String>> people = new LinkedHashMap<>();
        Set<String> all = new TreeSet<>(branches.townships().keySet());
        county.staff().forEach(staff -> people.put(staff.id(), all));
        for (CountyProperties.Township township : county.townships()) {
            township.staff().forEach(staff -> people.put(staff.id(), Set.of(township.code())));
        }
        for (Branch branch : branches.findActive()) {
            people.put(branch.secretary().userId(), Set.of(branch.townshipCode()));
            people.put(branch.liaison().userId(), Set.of(branch.townshipCode()));
            if (branch.areaChief() != null) {
                people.put(branch.areaChief().userId(), Set.of(branch.townshipCode()));
            }
        }
        return people;
    }

    @Test
    void everyEngineListHoldsOnlyThePersonsTownships() {
        List<String> leaks = new ArrayList<>();
        Map<String, Set<String>> people = people();
        assertThat(people.keySet()).as("every township's people").contains("office", "office-ncz", "office-cdx",
                "supervisor-ncz", "sec-NCZ-01", "liaison-cdx1", "sec-DDG-01", "county", "county-supervisor");
        for (Map.Entry<String, Set<String>> person : people.entrySet()) {
            for (String list : ENGINE_LISTS) {
                ResponseEntity<JsonNode> answer = http.withBasicAuth(person.getKey(), "demo")
                        .getForEntity("/engine-rest" + list + "?firstResult=0&maxResults=1000", JsonNode.class);
                leaks.addAll(foreign(person, "/engine-rest" + list, answer));
            }
        }
        // Tasklist and Cockpit, through the webapps' own engine API, signed in to the webapps
        for (String person : List.of("county", "office", "supervisor-ncz", "office-cdx", "sec-NCZ-01", "liaison1")) {
            WebappSession webapp = WebappSession.signInToTasklist(http, person);
            for (String list : List.of("/process-instance", "/task", "/history/process-instance", "/incident")) {
                String path = WebappSession.ENGINES + "/default" + list + "?firstResult=0&maxResults=1000";
                leaks.addAll(foreign(Map.entry(person, people.get(person)), path, webapp.get(path)));
            }
        }
        assertThat(leaks).as("rows of a township not the person's").isEmpty();
    }

    @Test
    void theCountyReadsEveryTownshipAndEachTownshipItsOwn() {
        for (String person : List.of("county", "county-supervisor", "office", "office-ncz", "supervisor-cdx")) {
            Set<String> expected = person.startsWith("county") ? Set.of("DDG", "NCZ", "CDX")
                    : Set.of(county.townships().stream().filter(t -> t.staff().stream().anyMatch(s -> s.id().equals(person)))
                            .findFirst().orElseThrow().code());
            JsonNode instances = http.withBasicAuth(person, "demo").getForEntity(
                    "/engine-rest/process-instance?processDefinitionKey=branch-annual-review&businessKeyLike=" + YEAR
                            + "-%&firstResult=0&maxResults=1000", JsonNode.class).getBody();
            Set<String> seen = new TreeSet<>();
            instances.forEach(instance -> seen.add(instance.path("tenantId").asText()));
            assertThat(seen).as(person).isEqualTo(new TreeSet<>(expected));
            // Cockpit's statistics count the person's townships' cycles only
            WebappSession cockpit = WebappSession.signInToTasklist(http, person);
            JsonNode statistics = cockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
                    + "?firstResult=0&maxResults=50").getBody();
            long cycles = 0;
            for (JsonNode definition : statistics) {
                if ("branch-annual-review".equals(definition.path("key").asText())) {
                    cycles += definition.path("instances").asLong();
                }
            }
            long own = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("branch-annual-review")
                    .tenantIdIn(expected.toArray(String[]::new)).count();
            assertThat(cycles).as(person + " in Cockpit").isEqualTo(own);
        }
    }

    @Test
    void nobodyReadsAnotherTownshipThroughTheApplication() {
        List<String> leaks = new ArrayList<>();
        Map<String, Set<String>> people = people();
        Map<String, String> townshipOf = new LinkedHashMap<>();
        branches.findAll().forEach(b -> townshipOf.put(b.code(), b.townshipCode()));
        for (Map.Entry<String, Set<String>> person : people.entrySet()) {
            String id = person.getKey();
            for (String list : List.of("/api/branches?size=500", "/api/campaigns/" + YEAR + "/progress?size=500")) {
                ResponseEntity<JsonNode> answer = http.withBasicAuth(id, "demo").getForEntity(list, JsonNode.class);
                String field = list.contains("progress") ? "branchCode" : "code";
                if (answer.getStatusCode() == HttpStatus.OK) {
                    answer.getBody().forEach(row -> {
                        if (!person.getValue().contains(townshipOf.get(row.path(field).asText()))) {
                            leaks.add(id + " " + list + ": " + row.path(field).asText());
                        }
                    });
                }
            }
            JsonNode outer = http.withBasicAuth(id, "demo").getForEntity("/api/county/campaigns/" + YEAR, JsonNode.class)
                    .getBody();
            outer.path("townships").forEach(t -> {
                if (!person.getValue().contains(t.path("townshipCode").asText())) {
                    leaks.add(id + " /api/county/campaigns: " + t.path("townshipCode").asText());
                }
            });
            String dashboard = WebSession.signIn(http, id).get("/dashboard?year=" + YEAR + "&size=100").getBody();
            for (Map.Entry<String, String> branch : townshipOf.entrySet()) {
                if (!person.getValue().contains(branch.getValue())) {
                    if (dashboard.contains(branch.getKey())) {
                        leaks.add(id + " /dashboard: " + branch.getKey());
                    }
                    for (String read : List.of("/api/branches/" + branch.getKey(),
                            "/api/branches/" + branch.getKey() + "/members",
                            "/api/branches/" + branch.getKey() + "/reviews/" + YEAR)) {
                        HttpStatus status = HttpStatus.valueOf(http.withBasicAuth(id, "demo")
                                .getForEntity(read, String.class).getStatusCode().value());
                        if (status.is2xxSuccessful()) {
                            leaks.add(id + " " + read + ": " + status);
                        }
                    }
                }
            }
            for (String township : branches.townships().keySet()) {
                if (!person.getValue().contains(township)) {
                    for (String read : List.of("/api/campaigns/" + YEAR + "?township=" + township,
                            "/api/campaigns/" + YEAR + "/statistics.xlsx?township=" + township)) {
                        ResponseEntity<String> answer = http.withBasicAuth(id, "demo").getForEntity(read, String.class);
                        if (answer.getStatusCode().is2xxSuccessful()) {
                            leaks.add(id + " " + read + ": " + answer.getStatusCode());
                        } else {
                            assertThat(answer.getBody()).as(id + " " + read).matches("(?s).*\\p{IsHan}.*");
                        }
                    }
                }
            }
        }
        assertThat(leaks).as("a township not the person's, read through the application").isEmpty();
        ResponseEntity<String> summary = http.withBasicAuth("office", "demo")
                .getForEntity("/api/county/campaigns/" + YEAR + "/summary.xlsx", String.class);
        assertThat(summary.getStatusCode()).as("the county's summary is the county's").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("county", "demo").getForEntity("/api/county/campaigns/" + YEAR + "/summary.xlsx",
                byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTownshipOfficeUploadsNoRosterOfAnotherTownship() {
        long branchesBefore = branches.findAll().size();
        org.springframework.util.LinkedMultiValueMap<String, Object> upload = new org.springframework.util.LinkedMultiValueMap<>();
        upload.add("file", new org.springframework.core.io.ByteArrayResource(("乡镇编号,支部编号,支部名称,组织类型,书记账号,书记姓名,"
                + "联系干部账号,联系干部姓名\nDDG,DDG-12,新村党支部,村党支部,sec-DDG-12,刘新,liaison1,钱海涛\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "branches.csv";
            }
        });
        ResponseEntity<JsonNode> refused = http.withBasicAuth("office-ncz", "demo").postForEntity("/api/roster",
                new org.springframework.http.HttpEntity<>(upload), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("只能导入本镇的支部，不能导入大东沟镇的支部");
        assertThat(branches.findAll()).as("nothing written").hasSize((int) branchesBefore);
    }

    private ResponseEntity<JsonNode> post(String person, String path, String json) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return http.withBasicAuth(person, "demo").postForEntity(path, new org.springframework.http.HttpEntity<>(json,
                headers), JsonNode.class);
    }

    /** The rows of a list answer whose tenant is neither the person's nor none (shared definitions, the sweep). */
    private static List<String> foreign(Map.Entry<String, Set<String>> person, String list,
            ResponseEntity<JsonNode> answer) {
        List<String> leaks = new ArrayList<>();
        if (answer.getStatusCode() != HttpStatus.OK) {
            return leaks;
        }
        answer.getBody().forEach(row -> {
            JsonNode tenant = row.path("tenantId");
            if (!tenant.isMissingNode() && !tenant.isNull() && !person.getValue().contains(tenant.asText())) {
                leaks.add(person.getKey() + " " + list + ": " + row.path("id").asText() + " of " + tenant.asText());
            }
        });
        return leaks;
    }
}
