package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orglife.campaign.CampaignRecords;
import org.orglife.campaign.Campaigns;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.escalation.BranchSupervisions;
import org.orglife.escalation.EscalationRecords;
import org.orglife.escalation.EscalationWatch;
import org.orglife.rectification.ItemAttachments;
import org.orglife.rectification.RectificationRecords;
import org.orglife.registry.Account;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may see and do what, through the real HTTP endpoints, for every branch in the registry (a new
 * branch is covered without touching this test): engine REST task, process-instance and history
 * queries, variable reads, claim and complete; {@code /api}; the dashboard; and for every role (a
 * secretary, a liaison cadre, an area chief, the office, a supervisor, the administrator) every job
 * operation, the statistics and reports over every branch, listing users and groups, signals, profile
 * edits and the campaign's spot checks. Every branch has a cycle of {@value #YEAR} with its open plan
 * task; DDG-01's plan waits for the office's review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class AuthorizationMatrixTest {

    static final int YEAR = 2051;
    static final int CAMPAIGN_YEAR = 2058;
    /** The filed lists of the rectification follow-up's row, written for it and removed after it. */
    static final int FOLLOW_UP_YEAR = 2078;
    static final int DASHBOARD_FOLLOW_UP_YEAR = 2077;
    static final String REVIEWED = "DDG-01";
    /** The administrator, whose password comes from the test profile. */
    static final String ADMIN = "admin";

    @Autowired TestRestTemplate http;
    @Autowired BranchRepository branches;
    @Autowired ReviewCycles reviewCycles;
    @Autowired ReviewCycleRepository cycles;
    @Autowired ProcessEngine engine;
    @Autowired Campaigns campaigns;
    @Autowired CampaignRecords campaignRecords;
    @Autowired EscalationWatch watch;
    @Autowired RectificationRecords rectification;
    @Autowired ItemAttachments attachments;
    @Autowired JdbcClient jdbc;

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
        active = branches.findActive("DDG");
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

    /**
     * A secretary's step is theirs from the start, named after the branch, the branch's group its
     * candidates; whoever holds it may release it (取消认领) and take it up again; nobody else may
     * release it or hand it to someone, and an unknown task is refused in Chinese.
     */
    @Test
    void whoeverHoldsAStepMayReleaseItAndNobodyElse() {
        Branch branch = active.stream().filter(b -> b.code().equals("DDG-06")).findFirst().orElseThrow();
        Branch other = active.stream().filter(b -> b.code().equals("DDG-07")).findFirst().orElseThrow();
        Task plan = task(branch.code(), "draftWorkPlan");
        assertThat(plan.getName()).isEqualTo("制定工作方案（" + branch.name() + "）");
        assertThat(plan.getAssignee()).isEqualTo(branch.secretary().userId());
        for (Branch b : active) {
            if (!b.code().equals(REVIEWED)) {
                assertThat(task(b.code(), "draftWorkPlan").getAssignee()).as(b.code()).isEqualTo(b.secretary().userId());
            }
        }
        String secretary = branch.secretary().userId();
        String unclaim = "/engine-rest/task/" + plan.getId() + "/unclaim";
        SoftAssertions softly = new SoftAssertions();
        for (String person : List.of(other.secretary().userId(), branch.liaison().userId(), "office", "supervisor")) {
            softly.assertThat(post(person, unclaim, "").getStatusCode()).as("%s releases it", person)
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            softly.assertThat(post(person, "/engine-rest/task/" + plan.getId() + "/assignee",
                    "{\"userId\":\"" + person + "\"}").getStatusCode()).as("%s takes it", person)
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        }
        softly.assertThat(post(secretary, "/engine-rest/task/" + plan.getId() + "/assignee",
                "{\"userId\":\"" + other.secretary().userId() + "\"}").getStatusCode())
                .as("the secretary hands it to another branch's").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> unknown = post(secretary, "/engine-rest/task/no-such-task/unclaim", "");
        softly.assertThat(unknown.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        softly.assertThat(message(unknown)).as("in Chinese").containsPattern("\\p{IsHan}");
        softly.assertAll();
        assertThat(task(branch.code(), "draftWorkPlan").getAssignee()).as("still the secretary's").isEqualTo(secretary);

        assertThat(post(secretary, unclaim, "").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(task(branch.code(), "draftWorkPlan").getAssignee()).isNull();
        assertThat(taskKeys(secretary, branch.code())).as("still listed for the branch").contains("draftWorkPlan");
        assertThat(post(secretary, "/engine-rest/task/" + plan.getId() + "/claim",
                "{\"userId\":\"" + secretary + "\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(task(branch.code(), "draftWorkPlan").getAssignee()).isEqualTo(secretary);
    }

    /**
     * A branch's 督办 (its plan two working days overdue): the supervisors work it; the branch's own
     * secretary and liaison cadre neither see nor work it; the office sees it and cannot work it.
     */
    @Test
    void onlySupervisorsWorkABranchsDuBan() {
        Branch branch = active.stream().filter(b -> b.code().equals("DDG-05")).findFirst().orElseThrow();
        Task plan = task(branch.code(), "draftWorkPlan");
        TestClock.at(2052, 3, 10);
        try {
            watch.escalate(new EscalationRecords.Step(plan.getId(), key(branch), branch.code(), "draftWorkPlan",
                    plan.getName(), plan.getDueDate().toInstant()));
            String escalation = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(plan.getId()).singleResult().getId();
            for (int round = 0; round < 5; round++) {
                engine.getManagementService().createJobQuery().processInstanceId(escalation).executable().list()
                        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
            }
        } finally {
            TestClock.reset();
        }
        Task duBan = engine.getTaskService().createTaskQuery().processDefinitionKey(BranchSupervisions.PROCESS_KEY)
                .processInstanceBusinessKey(branch.code()).singleResult();
        assertThat(duBan).isNotNull();
        String form = "/engine-rest/task/" + duBan.getId() + "/submit-form";
        String action = "{\"variables\":{\"supervisorAction\":{\"value\":\"已电话督促\"}}}";
        SoftAssertions softly = new SoftAssertions();
        for (String person : List.of(branch.secretary().userId(), branch.liaison().userId())) {
            softly.assertThat(list(person, "/engine-rest/task?processDefinitionKey=" + BranchSupervisions.PROCESS_KEY))
                    .as("%s lists the 督办", person).isEmpty();
            softly.assertThat(get(person, "/engine-rest/task/" + duBan.getId() + "/form-variables").getStatusCode())
                    .as("%s opens the 督办", person).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            softly.assertThat(post(person, form, action).getStatusCode()).as("%s completes the 督办", person)
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        }
        softly.assertThat(list("office", "/engine-rest/task?processDefinitionKey=" + BranchSupervisions.PROCESS_KEY))
                .as("the office sees it").hasSize(1);
        softly.assertThat(post("office", form, action).getStatusCode()).as("the office completes it")
                .isEqualTo(HttpStatus.FORBIDDEN);
        softly.assertAll();
        assertThat(get("supervisor", "/engine-rest/task/" + duBan.getId() + "/form-variables").getBody()
                .path("overdueSummary").path("value").asText()).contains("制定工作方案");
        assertThat(post("supervisor", form, action).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
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
     * A branch's appraisal ballot (issue 19): its page and count for those who see the branch, nobody
     * else (not found, as an archive is); its slips, which carry the codes, for its secretary alone;
     * signing in first for all of it.
     */
    @Test
    void aBranchsBallotIsSeenByThoseWhoSeeTheBranchAndItsCodesByItsSecretaryAlone() {
        SoftAssertions softly = new SoftAssertions();
        for (Branch own : active) {
            String secretary = own.secretary().userId();
            WebSession session = WebSession.signIn(http, secretary);
            softly.assertThat(session.get("/ballots/" + YEAR + "-" + own.code()).getStatusCode()).as(secretary)
                    .isEqualTo(HttpStatus.OK);
            for (Branch other : active) {
                if (!other.code().equals(own.code())) {
                    for (String page : List.of("", "/count", "/screen", "/slips")) {
                        softly.assertThat(session.get("/ballots/" + YEAR + "-" + other.code() + page).getStatusCode())
                                .as("%s opens the ballot%s of %s", secretary, page, other.code())
                                .isEqualTo(HttpStatus.NOT_FOUND);
                    }
                }
            }
        }
        for (String person : List.of("liaison1", "chief1", "office", "supervisor")) {
            WebSession session = WebSession.signIn(http, person);
            for (Branch branch : active) {
                String ballot = "/ballots/" + YEAR + "-" + branch.code();
                boolean sees = TOWNSHIP_ROLES.contains(person) || names(branch, person);
                softly.assertThat(session.get(ballot).getStatusCode()).as("%s opens %s", person, ballot)
                        .isEqualTo(sees ? HttpStatus.OK : HttpStatus.NOT_FOUND);
                softly.assertThat(session.get(ballot + "/slips").getStatusCode()).as("%s prints %s", person, ballot)
                        .isEqualTo(sees ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND);
            }
        }
        ResponseEntity<String> anonymous = http.getForEntity("/ballots/" + YEAR + "-" + REVIEWED, String.class);
        softly.assertThat(anonymous.getBody()).as("nobody signed in is sent to sign in")
                .satisfiesAnyOf(body -> assertThat(body).isNull(), body -> assertThat(body).contains("看板登录"));
        softly.assertThat(anonymous.getBody() == null ? "" : anonymous.getBody()).doesNotContain("测评状态");
        softly.assertAll();
    }

    /**
     * A year's commitments kept (践诺, issue 20): read by those who see the branch, nobody else; recorded by
     * the branch's secretary alone (the others are refused, whether or not the list is filed yet).
     */
    @Test
    void aBranchsCommitmentsAreReadByThoseWhoSeeItAndRecordedByItsSecretaryAlone() {
        SoftAssertions softly = new SoftAssertions();
        for (Branch own : active) {
            String secretary = own.secretary().userId();
            WebSession session = WebSession.signIn(http, secretary);
            softly.assertThat(session.get("/rectification/" + YEAR + "-" + own.code() + "/commitments").getStatusCode())
                    .as(secretary).isEqualTo(HttpStatus.OK);
            for (Branch other : active) {
                if (!other.code().equals(own.code())) {
                    String page = "/rectification/" + YEAR + "-" + other.code() + "/commitments";
                    softly.assertThat(session.get(page).getStatusCode()).as("%s reads %s", secretary, page)
                            .isEqualTo(HttpStatus.NOT_FOUND);
                    softly.assertThat(session.post(page, Map.of()).getStatusCode()).as("%s records %s", secretary, page)
                            .isEqualTo(HttpStatus.NOT_FOUND);
                }
            }
        }
        for (String person : List.of("liaison1", "chief1", "office", "supervisor")) {
            WebSession session = WebSession.signIn(http, person);
            for (Branch branch : active) {
                String page = "/rectification/" + YEAR + "-" + branch.code() + "/commitments";
                boolean sees = TOWNSHIP_ROLES.contains(person) || names(branch, person);
                softly.assertThat(session.get(page).getStatusCode()).as("%s reads %s", person, page)
                        .isEqualTo(sees ? HttpStatus.OK : HttpStatus.NOT_FOUND);
                softly.assertThat(session.post(page, Map.of()).getStatusCode()).as("%s records %s", person, page)
                        .isEqualTo(sees ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND);
            }
        }
        softly.assertAll();
    }

    /**
     * 整改销号 (issue 20), for every branch of the township, its filed {@value #FOLLOW_UP_YEAR} list: item 1
     * confirmed, item 2 marked done and waiting for confirmation, item 3 open. A secretary lists and works
     * the own branch's items only and cannot confirm them; a liaison cadre or area chief lists only the
     * linked branches' follow-ups and confirms their items, works nobody else's; the office reopens anywhere in its
     * township, another township's office nowhere; the page and the secretary's materials are read by those
     * who see the branch.
     */
    @Test
    void aBranchsRectificationItemsAreDoneByItsSecretaryConfirmedByItsLiaisonAndReopenedByTheOffice() {
        for (Branch branch : active) {
            String cycleId = FOLLOW_UP_YEAR + "-" + branch.code();
            if (cycles.find(cycleId).isEmpty()) {
                TestClock.at(FOLLOW_UP_YEAR + 1, 2, 21);
                try {
                    CycleDriver cycle = CycleDriver.start(engine, reviewCycles, branch.code(), FOLLOW_UP_YEAR)
                            .jumpTo("reviewFiling");
                    LocalDate due = LocalDate.of(FOLLOW_UP_YEAR + 1, 6, 30);
                    rectification.savePlan(cycleId, List.of(
                            new RectificationRecords.Item(1, null, "问题一", "措施一", due, "书记", false),
                            new RectificationRecords.Item(2, null, "问题二", "措施二", due, "委员", false),
                            new RectificationRecords.Item(3, null, "问题三", "措施三", due, "委员", false)), List.of());
                    cycle.complete("reviewFiling", Map.of("filingDecision", "ACCEPT"));
                    engine.getFormService().submitTaskForm(followUpTask(branch, "markItemDone", 1).getId(),
                            Map.of("doneNote", "已完成"));
                    engine.getFormService().submitTaskForm(followUpTask(branch, "confirmItem", 1).getId(),
                            Map.of("confirmDecision", "CONFIRM"));
                    engine.getFormService().submitTaskForm(followUpTask(branch, "markItemDone", 2).getId(),
                            Map.of("doneNote", "已完成"));
                    attachments.add(cycleId, 3, "台账.pdf", "%PDF-1.4\n".getBytes(), new CurrentUser(
                            branch.secretary().userId(), List.of(branch.groupId()), List.of(branch.townshipCode())));
                } finally {
                    TestClock.reset();
                }
            }
        }
        String tasks = "/engine-rest/task?processInstanceBusinessKeyLike=" + FOLLOW_UP_YEAR + "-%";
        Set<String> people = new LinkedHashSet<>(List.of("office", "supervisor", "office-ncz"));
        active.forEach(b -> {
            people.add(b.secretary().userId());
            people.add(b.liaison().userId());
            if (b.areaChief() != null) {
                people.add(b.areaChief().userId());
            }
        });
        SoftAssertions softly = new SoftAssertions();
        for (String person : people) {
            WebSession session = WebSession.signIn(http, person);
            Set<String> listed = new java.util.TreeSet<>();
            keys(list(person, tasks), "processInstanceId").stream().map(this::businessKeyOf)
                    .filter(k -> k.endsWith("-rectification")).forEach(listed::add);
            Set<String> expected = new java.util.TreeSet<>();
            for (Branch branch : active) {
                boolean own = person.equals(branch.secretary().userId());
                boolean liaison = names(branch, person);
                boolean township = TOWNSHIP_ROLES.contains(person);
                if (own || liaison || township) {
                    expected.add(FOLLOW_UP_YEAR + "-" + branch.code() + "-rectification");
                }
                Task mark = followUpTask(branch, "markItemDone", 3);
                Task confirm = followUpTask(branch, "confirmItem", 2);
                if (own) {
                    softly.assertThat(mark.getAssignee()).as("item 3 of %s", branch.code()).isEqualTo(person);
                } else {
                    softly.assertThat(post(person, "/engine-rest/task/" + mark.getId() + "/submit-form",
                            "{\"variables\":{\"doneNote\":{\"value\":\"x\"}}}").getStatusCode())
                            .as("%s marks item 3 of %s done", person, branch.code())
                            .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
                }
                if (!liaison) {
                    softly.assertThat(post(person, "/engine-rest/task/" + confirm.getId() + "/submit-form",
                            "{\"variables\":{\"confirmDecision\":{\"value\":\"CONFIRM\"}}}").getStatusCode())
                            .as("%s confirms item 2 of %s", person, branch.code())
                            .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
                } else {
                    softly.assertThat(confirm.getId()).as("%s is a candidate of item 2 of %s", person, branch.code())
                            .isIn(keys(list(person, "/engine-rest/task?candidateUser=" + person
                                    + "&taskDefinitionKey=confirmItem"), "id"));
                }
                String page = "/rectification/" + FOLLOW_UP_YEAR + "-" + branch.code();
                softly.assertThat(session.get(page).getStatusCode()).as("%s reads %s", person, page)
                        .isEqualTo(own || liaison || township ? HttpStatus.OK : HttpStatus.NOT_FOUND);
                long material = jdbc.sql("select id from rectification_attachment where cycle_id = ?")
                        .param(FOLLOW_UP_YEAR + "-" + branch.code()).query(Long.class).single();
                softly.assertThat(session.download(page + "/items/3/attachments/" + material).getStatusCode())
                        .as("%s opens the material of %s", person, page)
                        .isEqualTo(own || liaison || township ? HttpStatus.OK : HttpStatus.NOT_FOUND);
                if (!person.equals("office")) {
                    softly.assertThat(session.post(page + "/items/1/reopen", Map.of("reason", "整改不到位",
                            "deadline", FOLLOW_UP_YEAR + 1 + "-12-31")).getStatusCode())
                            .as("%s reopens item 1 of %s", person, branch.code())
                            .isEqualTo(own || liaison || township ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND);
                }
            }
            softly.assertThat(listed).as("%s lists the follow-ups", person).isEqualTo(expected);
        }
        WebSession office = WebSession.signIn(http, "office");
        TestClock.at(FOLLOW_UP_YEAR + 1, 9, 1);
        for (Branch branch : active) {
            String page = "/rectification/" + FOLLOW_UP_YEAR + "-" + branch.code();
            if (followUpTasks(branch, "markItemDone").size() == 1) {
                softly.assertThat(office.post(page + "/items/1/reopen", Map.of("reason", "整改不到位",
                        "deadline", FOLLOW_UP_YEAR + 1 + "-12-31")).getStatusCode()).as("office reopens %s", branch.code())
                        .isEqualTo(HttpStatus.FOUND);
            }
            softly.assertThat(followUpTasks(branch, "markItemDone")).as("item 1 of %s is open again", branch.code())
                    .hasSize(2);
        }
        TestClock.reset();
        softly.assertAll();
    }


    private List<Task> followUpTasks(Branch branch, String key) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(FOLLOW_UP_YEAR + "-" + branch.code() + "-rectification")
                .taskDefinitionKey(key).list();
    }

    private Task followUpTask(Branch branch, String key, int seq) {
        return followUpTasks(branch, key).stream().filter(t -> t.getName().contains("第" + seq + "项")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " of item " + seq + " of " + branch.code()));
    }

    /**
     * The dashboard's rectification follow-up (整改销号, issue 20): every branch's filed list of
     * {@value #DASHBOARD_FOLLOW_UP_YEAR} with an open item; each secretary sees their own branch only, a liaison
     * cadre or area chief the branches they are named for, the township's people and the administrator every
     * branch, each linked to its list.
     */
    @Test
    void theRectificationFollowUpShowsEachPersonOnlyTheirBranches() {
        for (Branch branch : active) {
            String cycle = DASHBOARD_FOLLOW_UP_YEAR + "-" + branch.code();
            jdbc.sql("""
                    insert into review_cycle (id, branch_code, review_year, status, started_at, filed_on)
                    values (?, ?, ?, 'COMPLETED', timestamp '2077-11-01 09:00:00', date '2078-01-20')""")
                    .params(cycle, branch.code(), DASHBOARD_FOLLOW_UP_YEAR).update();
            jdbc.sql("""
                    insert into rectification_item (cycle_id, seq, problem, measure, deadline, responsible, done, state,
                      due_on) values (?, 1, '问题', '措施', date '2078-03-31', '书记', false, 'OPEN', date '2078-03-31')""")
                    .param(cycle).update();
        }
        try {
            SoftAssertions softly = new SoftAssertions();
            for (Branch own : active) {
                String secretary = own.secretary().userId();
                softly.assertThat(followUpLists(WebSession.signIn(http, secretary))).as(secretary)
                        .containsExactly(DASHBOARD_FOLLOW_UP_YEAR + "-" + own.code());
            }
            for (String person : List.of("liaison1", "chief1", "office", "supervisor", ADMIN)) {
                softly.assertThat(followUpLists(WebSession.signIn(http, person, password(person)))).as(person)
                        .containsExactlyInAnyOrderElementsOf(active.stream()
                                .filter(b -> TOWNSHIP_ROLES.contains(person) || names(b, person))
                                .map(b -> DASHBOARD_FOLLOW_UP_YEAR + "-" + b.code()).toList());
            }
            softly.assertAll();
        } finally {
            jdbc.sql("delete from rectification_item where cycle_id like ?").param(DASHBOARD_FOLLOW_UP_YEAR + "-%").update();
            jdbc.sql("delete from review_cycle where review_year = ?").param(DASHBOARD_FOLLOW_UP_YEAR).update();
        }
    }

    /** One person of each role: a secretary, a liaison cadre, an area chief, the office, a supervisor, the administrator. */
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final List<String> ROLES = List.of("sec-DDG-02", "liaison1", "chief1", "office", "supervisor", ADMIN);
    static final List<String> BRANCH_ROLES = List.of("sec-DDG-02", "liaison1", "chief1");
    static final List<String> TOWNSHIP_ROLES = List.of("office", "supervisor", ADMIN);

    /**
     * Every job operation of the engine REST API, on the nightly history cleanup's job (which has no
     * process instance, so no authorization of the engine's covers it) and on a cycle's job definition:
     * refused for every role but the administrator, and the job is as it was.
     */
    @Test
    void jobsAreOperatedByTheAdministratorOnly() {
        Job cleanup = historyCleanupJob();
        String definition = engine.getManagementService().createJobDefinitionQuery()
                .processDefinitionKey("branch-annual-review").listPage(0, 1).get(0).getId();
        String job = "/engine-rest/job/" + cleanup.getId();
        Map<String, String[]> operations = new LinkedHashMap<>();
        operations.put("execute", new String[] {"POST", job + "/execute", null});
        operations.put("retries", new String[] {"PUT", job + "/retries", "{\"retries\":9}"});
        operations.put("due date", new String[] {"PUT", job + "/duedate", "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}"});
        operations.put("recalculate due date", new String[] {"POST", job + "/duedate/recalculate", null});
        operations.put("priority", new String[] {"PUT", job + "/priority", "{\"priority\":99}"});
        operations.put("suspend", new String[] {"PUT", job + "/suspended", "{\"suspended\":true}"});
        operations.put("delete", new String[] {"DELETE", job, null});
        operations.put("retries of several", new String[] {"POST", "/engine-rest/job/retries",
                "{\"jobIds\":[\"" + cleanup.getId() + "\"],\"retries\":9}"});
        operations.put("suspend by definition", new String[] {"PUT", "/engine-rest/job/suspended",
                "{\"jobDefinitionId\":\"" + definition + "\",\"suspended\":true}"});
        operations.put("suspend a job definition", new String[] {"PUT", "/engine-rest/job-definition/" + definition
                + "/suspended", "{\"suspended\":true,\"includeJobs\":true}"});
        operations.put("retries of a job definition", new String[] {"PUT", "/engine-rest/job-definition/" + definition
                + "/retries", "{\"retries\":9}"});
        operations.put("priority of a job definition", new String[] {"PUT", "/engine-rest/job-definition/"
                + definition + "/jobPriority", "{\"priority\":9}"});
        operations.put("suspend job definitions of a process", new String[] {"PUT", "/engine-rest/job-definition/suspended",
                "{\"processDefinitionKey\":\"branch-annual-review\",\"suspended\":true}"});
        operations.put("history cleanup now", new String[] {"POST", "/engine-rest/history/cleanup?immediatelyDue=true", null});
        operations.put("list jobs", new String[] {"GET", "/engine-rest/job?maxResults=50", null});
        operations.put("list cleanup jobs", new String[] {"GET", "/engine-rest/history/cleanup/jobs", null});
        operations.put("a job's stack trace", new String[] {"GET", job + "/stacktrace", null});

        SoftAssertions softly = new SoftAssertions();
        for (String person : ROLES) {
            if (person.equals(ADMIN)) {
                continue;
            }
            operations.forEach((what, call) -> {
                boolean read = call[0].equals("GET");
                ResponseEntity<JsonNode> answer = exchange(person, HttpMethod.valueOf(call[0]), call[1], call[2]);
                if (read && TOWNSHIP_ROLES.contains(person)) {
                    softly.assertThat(answer.getStatusCode().is5xxServerError()).as("%s %s", person, what).isFalse();
                } else {
                    softly.assertThat(answer.getStatusCode()).as("%s %s: %s", person, what, answer.getBody())
                            .isEqualTo(HttpStatus.FORBIDDEN);
                    softly.assertThat(message(answer)).as("%s %s", person, what).matches(".*\\p{IsHan}.*");
                }
            });
        }
        softly.assertAll();

        Job after = historyCleanupJob();
        assertThat(after.getId()).as("the cleanup job is still there").isEqualTo(cleanup.getId());
        assertThat(after.getDuedate()).isEqualTo(cleanup.getDuedate());
        assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
        assertThat(after.getPriority()).isEqualTo(cleanup.getPriority());
        assertThat(after.isSuspended()).isFalse();
        assertThat(engine.getManagementService().createJobDefinitionQuery().suspended().count()).isZero();

        // the administrator operates jobs (here without changing anything)
        assertThat(exchange(ADMIN, HttpMethod.GET, "/engine-rest/job?maxResults=50", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(exchange(ADMIN, HttpMethod.PUT, job + "/priority", "{\"priority\":" + cleanup.getPriority() + "}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(exchange(ADMIN, HttpMethod.PUT, job + "/retries", "{\"retries\":" + cleanup.getRetries() + "}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * Statistics and reports over every instance of a process, in the engine REST API and in Cockpit's
     * plugin: the township's and the administrator's; a branch's people are refused, since the
     * figures count every branch.
     */
    @Test
    void statisticsOverEveryBranchAreTheTownships() {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("branch-annual-review").latestVersion().singleResult().getId();
        List<String> reads = List.of("/engine-rest/process-definition/statistics",
                "/engine-rest/process-definition/statistics?incidents=true",
                "/engine-rest/process-definition/" + definition + "/statistics",
                "/engine-rest/process-definition/key/branch-annual-review/statistics",
                "/engine-rest/history/process-definition/" + definition + "/statistics",
                "/engine-rest/history/process-definition/cleanable-process-instance-report?maxResults=50",
                "/engine-rest/history/process-instance/report?reportType=duration&periodUnit=month",
                "/engine-rest/history/task/report?reportType=count&groupBy=processDefinition",
                "/engine-rest/task/report/candidate-group-count");
        SoftAssertions softly = new SoftAssertions();
        for (String person : ROLES) {
            for (String read : reads) {
                ResponseEntity<JsonNode> answer = exchange(person, HttpMethod.GET, read, null);
                if (TOWNSHIP_ROLES.contains(person)) {
                    softly.assertThat(answer.getStatusCode()).as("%s %s: %s", person, read, answer.getBody())
                            .isEqualTo(HttpStatus.OK);
                } else {
                    softly.assertThat(answer.getStatusCode()).as("%s %s", person, read).isEqualTo(HttpStatus.FORBIDDEN);
                    softly.assertThat(message(answer)).matches(".*\\p{IsHan}.*");
                }
            }
        }
        String cockpitStatistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
                + "?firstResult=0&maxResults=50";
        for (String person : List.of("sec-DDG-02", "liaison1", "chief1", "supervisor", "office")) {
            ResponseEntity<JsonNode> answer = WebappSession.signInToTasklist(http, person).get(cockpitStatistics);
            softly.assertThat(answer.getStatusCode()).as("%s in Cockpit's plugin: %s", person, answer.getBody())
                    .isEqualTo(BRANCH_ROLES.contains(person) ? HttpStatus.FORBIDDEN : HttpStatus.OK);
        }
        softly.assertAll();
    }

    /** The township's people are its to list; a branch's people each read themselves and their own groups. */
    @Test
    void aBranchsPeopleListNobodyButThemselves() {
        SoftAssertions softly = new SoftAssertions();
        for (String person : ROLES) {
            List<String> users = keys(list(person, "/engine-rest/user?firstResult=0"), "id");
            List<String> groups = keys(list(person, "/engine-rest/group?firstResult=0"), "id");
            if (BRANCH_ROLES.contains(person)) {
                softly.assertThat(users).as(person + " lists users").containsExactly(person);
                softly.assertThat(groups).as(person + " lists groups").containsExactlyInAnyOrderElementsOf(
                        engine.getIdentityService().createGroupQuery().groupMember(person).list().stream()
                                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
                softly.assertThat(exchange(person, HttpMethod.GET, "/engine-rest/user/office/profile", null)
                        .getStatusCode()).as(person + " reads the office's profile").isEqualTo(HttpStatus.NOT_FOUND);
            } else {
                softly.assertThat(users).as(person + " lists users").hasSizeGreaterThan(10);
                softly.assertThat(groups).as(person + " lists groups").contains("branch-DDG-01", "township-office");
            }
        }
        softly.assertAll();
    }

    /** Signals go to every instance waiting for them, whoever's: only the administrator sends one. */
    @Test
    void onlyTheAdministratorSendsSignals() {
        for (String person : ROLES) {
            ResponseEntity<JsonNode> answer = exchange(person, HttpMethod.POST, "/engine-rest/signal",
                    "{\"name\":\"orglife-matrix-probe\"}");
            assertThat(answer.getStatusCode()).as(person).isEqualTo(person.equals(ADMIN) ? HttpStatus.NO_CONTENT
                    : HttpStatus.FORBIDDEN);
        }
    }

    /**
     * Names and e-mail addresses come from the registry: nobody but the administrator edits a profile or
     * deletes an account, their own included; everybody may still change their own password.
     */
    @Test
    void profilesComeFromTheRegistryWhilePasswordsAreEveryonesOwn() {
        SoftAssertions softly = new SoftAssertions();
        for (String person : ROLES) {
            if (person.equals(ADMIN)) {
                continue;
            }
            org.camunda.bpm.engine.identity.User before = engine.getIdentityService().createUserQuery().userId(person)
                    .singleResult();
            ResponseEntity<JsonNode> edit = exchange(person, HttpMethod.PUT, "/engine-rest/user/" + person + "/profile",
                    "{\"id\":\"" + person + "\",\"firstName\":\"改了名\",\"lastName\":\"\",\"email\":\"x@example.org\"}");
            softly.assertThat(edit.getStatusCode()).as(person + " edits the own profile").isEqualTo(HttpStatus.FORBIDDEN);
            softly.assertThat(message(edit)).as(person).contains("花名册");
            softly.assertThat(exchange(person, HttpMethod.DELETE, "/engine-rest/user/" + person, null).getStatusCode())
                    .as(person + " deletes the own account").isEqualTo(HttpStatus.FORBIDDEN);
            org.camunda.bpm.engine.identity.User after = engine.getIdentityService().createUserQuery().userId(person)
                    .singleResult();
            softly.assertThat(after).as(person + " is still there").isNotNull();
            softly.assertThat(after.getFirstName()).isEqualTo(before.getFirstName());
            softly.assertThat(after.getEmail()).isEqualTo(before.getEmail());
            softly.assertThat(exchange(person, HttpMethod.PUT, "/engine-rest/user/" + person + "/credentials",
                    "{\"password\":\"demo\",\"authenticatedUserPassword\":\"demo\"}").getStatusCode())
                    .as(person + " changes the own password").isEqualTo(HttpStatus.NO_CONTENT);
        }
        org.camunda.bpm.engine.identity.User office = engine.getIdentityService().createUserQuery().userId("office")
                .singleResult();
        softly.assertThat(exchange(ADMIN, HttpMethod.PUT, "/engine-rest/user/office/profile",
                "{\"id\":\"office\",\"firstName\":\"" + office.getFirstName() + "\",\"lastName\":\""
                        + office.getLastName() + "\",\"email\":\"" + office.getEmail() + "\"}").getStatusCode())
                .as("the administrator edits a profile").isEqualTo(HttpStatus.NO_CONTENT);
        softly.assertAll();
    }

    /**
     * A campaign's spot checks and unannounced visits are the township's: a branch's people read the
     * deadlines and their own branches' reviews, not which branches were drawn, the share or the seed.
     */
    @Test
    void aBranchSeesOnlyItsOwnPartOfTheCampaign() {
        launchTheCampaign();
        SoftAssertions softly = new SoftAssertions();
        for (String person : ROLES) {
            // the township named: the administrator's view is the county's, of three townships
            JsonNode campaign = exchange(person, HttpMethod.GET, "/api/campaigns/" + CAMPAIGN_YEAR + "?township=DDG",
                    null).getBody();
            List<String> reviewed = keys(campaign.get("branchReviews"), "branchCode");
            if (BRANCH_ROLES.contains(person)) {
                softly.assertThat(campaign.has("spotChecks") || campaign.has("spotCheckSeed")
                        || campaign.has("spotCheckShare")).as(person + " learns of the spot checks").isFalse();
                softly.assertThat(reviewed).as(person + "'s branches").containsExactlyInAnyOrderElementsOf(
                        active.stream().filter(b -> b.secretary().userId().equals(person) || names(b, person))
                                .map(Branch::code).toList());
                softly.assertThat(WebSession.signIn(http, person).get("/dashboard?year=" + CAMPAIGN_YEAR).getBody())
                        .as(person + "'s dashboard").doesNotContain("抽查", "未抽中", "待检查");
            } else {
                softly.assertThat(campaign.get("spotChecks")).as(person).isNotEmpty();
                softly.assertThat(reviewed).as(person).hasSize(active.size());
            }
        }
        softly.assertAll();
    }

    /**
     * The lists that grow with the county come a page at a time, each page and the total over what the
     * person may see only: the branches, and the campaign's progress.
     */
    @Test
    void pagedListsHoldOnlyWhatThePersonMaySeeAndCountOnlyThat() {
        launchTheCampaign();
        SoftAssertions softly = new SoftAssertions();
        for (String person : ROLES) {
            Set<String> theirs = new java.util.TreeSet<>();
            active.stream().filter(b -> TOWNSHIP_ROLES.contains(person) || b.secretary().userId().equals(person)
                    || names(b, person)).forEach(b -> theirs.add(b.code()));
            for (String list : List.of("/api/branches", "/api/campaigns/" + CAMPAIGN_YEAR + "/progress")) {
                String field = list.endsWith("progress") ? "branchCode" : "code";
                // the administrator's is the county's view: every township's branches (the campaign is 大东沟镇's only)
                Set<String> expected = person.equals(ADMIN) && field.equals("code")
                        ? new java.util.TreeSet<>(branches.findAll().stream().map(Branch::code).toList()) : theirs;
                List<String> seen = new ArrayList<>();
                for (int page = 0; page < 20; page++) {
                    ResponseEntity<JsonNode> answer = exchange(person, HttpMethod.GET, list + "?size=3&page=" + page,
                            null);
                    softly.assertThat(answer.getStatusCode()).as(person + " " + list).isEqualTo(HttpStatus.OK);
                    softly.assertThat(answer.getHeaders().getFirst("X-Total-Count")).as(person + " " + list + " total")
                            .isEqualTo(String.valueOf(expected.size()));
                    List<String> codes = keys(answer.getBody(), field);
                    if (codes.isEmpty()) {
                        break;
                    }
                    softly.assertThat(codes.size()).isLessThanOrEqualTo(3);
                    seen.addAll(codes);
                }
                softly.assertThat(seen).as(person + " pages through " + list).containsExactlyElementsOf(expected);
            }
        }
        softly.assertAll();
    }

    private void launchTheCampaign() {
        if (campaignRecords.find("DDG", CAMPAIGN_YEAR).isEmpty()) {
            campaigns.launch(new Campaigns.LaunchRequest(CAMPAIGN_YEAR, java.time.LocalDate.parse("2059-02-20"),
                    java.time.LocalDate.parse("2059-02-27"), java.time.LocalDate.parse("2059-03-05"), 5,
                    new java.math.BigDecimal("0.5")), "DDG", "office");
            // the campaign's jobs start its cycles, as the job executor would
            for (int round = 0; round < 10; round++) {
                var jobs = engine.getManagementService().createJobQuery().processInstanceId(
                        campaignRecords.find("DDG", CAMPAIGN_YEAR).orElseThrow().processInstanceId()).executable().list();
                jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
            }
        }
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
        return http.withBasicAuth(person, password(person)).getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> exchange(String person, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // a job's stack trace is plain text; errors come as JSON
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
        ResponseEntity<String> answer = http.withBasicAuth(person, password(person)).exchange(path, method,
                new HttpEntity<>(json, headers), String.class);
        JsonNode body;
        try {
            body = answer.getBody() == null ? null : JSON.readTree(answer.getBody());
        } catch (java.io.IOException e) {
            body = com.fasterxml.jackson.databind.node.TextNode.valueOf(answer.getBody());
        }
        return new ResponseEntity<>(body, answer.getHeaders(), answer.getStatusCode());
    }

    private static String password(String person) {
        return person.equals(ADMIN) ? "test-admin-secret" : "demo";
    }

    private static String message(ResponseEntity<JsonNode> answer) {
        JsonNode body = answer.getBody();
        return body == null ? "" : body.path(body.has("error") ? "error" : "message").asText();
    }

    /** The nightly history cleanup's job, which the engine creates at start; made here if a test took it. */
    private Job historyCleanupJob() {
        List<Job> jobs = engine.getHistoryService().findHistoryCleanupJobs();
        if (jobs.isEmpty()) {
            engine.getHistoryService().cleanUpHistoryAsync();
            jobs = engine.getHistoryService().findHistoryCleanupJobs();
        }
        return jobs.get(0);
    }

    private ResponseEntity<JsonNode> post(String person, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(person, password(person)).postForEntity(path, new HttpEntity<>(json, headers),
                JsonNode.class);
    }

    /** The lists linked from the follow-up's page of {@value #DASHBOARD_FOLLOW_UP_YEAR}, by cycle id. */
    private List<String> followUpLists(WebSession session) {
        return found(session, "/dashboard/rectification?year=" + DASHBOARD_FOLLOW_UP_YEAR, "href=\"/rectification/([^\"]+)\"");
    }

    private List<String> dashboardBranches(WebSession session) {
        return found(session, "/dashboard?year=" + YEAR, "data-branch=\"([^\"]+)\"");
    }

    /** What the pattern's group finds on the page, in order; the page must open. */
    private static List<String> found(WebSession session, String path, String regex) {
        ResponseEntity<String> page = session.get(path);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Matcher m = Pattern.compile(regex).matcher(page.getBody());
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
