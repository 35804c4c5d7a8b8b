package org.orglife.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.orglife.registry.RosterImport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A new liaison cadre and a new secretary, named by a roster import while a branch's cycle is open:
 * at the sync that follows, the open steps, the grants and the Tasklist filter follow them, the people
 * they replace lose what the job gave them, and what was done stays as it was.
 */
@SpringBootTest(properties = "orglife.test.context=open-work-follows-registry")
@ActiveProfiles({"demo", "test"})
class OpenWorkFollowsRegistryTest {

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired RosterImport rosterImport;
    @Autowired JdbcClient jdbc;

    @Test
    void aNewLiaisonCadreAndANewSecretaryTakeOverTheOpenSteps() throws Exception {
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-02", 2046);
        cycle.complete("draftWorkPlan", Map.of("committeeMeetingOn", "2046-12-01", "membersMeetingOn", "2046-12-02",
                "venue", "村委会", "studyTopics", "学习党章", "membersMeetingForm", "WHOLE"));
        cycle.complete("reviewWorkPlan", Map.of("planDecision", "APPROVE"));
        cycle.jumpToAlso("holdCommitteeMeeting", "attendAndComment");
        Task meeting = cycle.task("holdCommitteeMeeting");
        Task attend = cycle.task("attendAndComment");
        assertThat(meeting.getAssignee()).isEqualTo("sec-DDG-02");
        assertThat(candidateUsers(attend)).containsExactlyInAnyOrder("liaison1", "chief1");
        int auditRows = auditRows(cycle);

        // the township names 王敏 (liaison2) the branch's liaison cadre and 李新 its secretary
        rosterImport.importRoster(roster(line -> line.startsWith("DDG-02,")
                ? line.replace("sec-DDG-02,石俊明,sec-ddg-02@dadonggou.example", "sec-DDG-02-li,李新,sec-li@dadonggou.example")
                        .replace("liaison1,钱海涛,liaison1@dadonggou.example", "liaison2,张慧,liaison2@dadonggou.example")
                : line));

        assertThat(cycle.variable("attendAndComment", ReviewVariables.LIAISON_USERS)).isEqualTo("liaison2,chief1");
        assertThat(candidateUsers(cycle.task("attendAndComment"))).containsExactlyInAnyOrder("liaison2", "chief1");
        assertThat(cycle.task("holdCommitteeMeeting").getAssignee()).as("the new secretary's").isEqualTo("sec-DDG-02-li");
        assertThat(may("liaison2", Permissions.READ, Resources.PROCESS_INSTANCE, cycle.processInstanceId)).isTrue();
        assertThat(may("liaison2", Permissions.READ, Resources.TASK, meeting.getId())).isTrue();
        assertThat(may("liaison1", Permissions.READ, Resources.PROCESS_INSTANCE, cycle.processInstanceId)).isFalse();
        assertThat(may("liaison1", Permissions.READ, Resources.TASK, meeting.getId())).isFalse();
        assertThat(may("liaison1", Permissions.TASK_WORK, Resources.TASK, attend.getId())).isFalse();
        assertThat(may("sec-DDG-02", Permissions.TASK_WORK, Resources.TASK, meeting.getId())).isFalse();
        assertThat(may("sec-DDG-02-li", Permissions.TASK_WORK, Resources.TASK, meeting.getId())).isTrue();
        assertThat(filtered("liaison2", "联系支部待办")).contains(attend.getId());
        assertThat(filtered("liaison1", "联系支部待办")).doesNotContain(attend.getId());
        assertThat(filtered("sec-DDG-02-li", "我的待办")).contains(meeting.getId());
        assertThat(auditRows(cycle)).as("what was done stays").isEqualTo(auditRows);
        assertThat(jdbc.sql("select actor from audit_event where cycle_id = ? and step = 'draftWorkPlan'")
                .param(cycle.businessKey).query(String.class).list()).as("and names who did it")
                .doesNotContain("sec-DDG-02-li");
    }

    List<String> candidateUsers(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLink::getUserId).toList();
    }

    boolean may(String userId, org.camunda.bpm.engine.authorization.Permission permission,
            org.camunda.bpm.engine.authorization.Resource resource, String id) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                .map(g -> g.getId()).toList();
        return engine.getAuthorizationService().isUserAuthorized(userId, groups, permission, resource, id);
    }

    List<String> filtered(String userId, String filterName) {
        var identity = engine.getIdentityService();
        TestSignIn.as(identity, userId);
        try {
            var filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
            return engine.getFilterService().<Task>listPage(filter.getId(), 0, 500).stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    int auditRows(CycleDriver cycle) {
        return jdbc.sql("select count(*) from audit_event where cycle_id = ?").param(cycle.businessKey)
                .query(Integer.class).single();
    }

    static List<RosterImport.RosterFile> roster(java.util.function.UnaryOperator<String> branchLine) throws Exception {
        String branches;
        try (var in = new ClassPathResource("examples/roster/branches.csv").getInputStream()) {
            branches = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String changed = String.join("\n", branches.lines().map(branchLine).toList()) + "\n";
        byte[] members;
        try (var in = new ClassPathResource("examples/roster/members.csv").getInputStream()) {
            members = in.readAllBytes();
        }
        return List.of(new RosterImport.RosterFile("branches.csv", changed.getBytes(StandardCharsets.UTF_8)),
                new RosterImport.RosterFile("members.csv", members));
    }
}
