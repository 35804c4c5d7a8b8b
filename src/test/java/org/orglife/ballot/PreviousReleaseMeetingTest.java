package org.orglife.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.security.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A cycle started on the release before the ballot (previous-release/branch-annual-review.bpmn, step 4
 * a plain user task) is at its members' meeting when the upgrade comes: it finishes on its version, the
 * tallies typed as before; opening a ballot for it is refused with a message and writes nothing. In a
 * context of its own: the previous definition is deployed here and removed afterwards.
 */
@SpringBootTest(properties = "orglife.test.context=previous-meeting")
@ActiveProfiles({"demo", "test"})
class PreviousReleaseMeetingTest {

    static final int YEAR = 2089;

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired Ballots ballots;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void aCycleOfThePreviousReleaseKeepsTheTypedTalliesAndCannotOpenABallot() throws IOException {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("previous release")
                .addClasspathResource("previous-release/branch-annual-review.bpmn");
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.form")) {
            builder.addInputStream(form.getFilename(), form.getInputStream());
        }
        Deployment previous = builder.deploy();
        try {
            // given DDG-10's cycle started on the previous definition, at its members' meeting
            TestClock.at(YEAR + 1, 2, 21);
            CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-10", YEAR).jumpTo("holdMembersMeeting");
            assertThat(engine.getRepositoryService().getProcessDefinition(engine.getRuntimeService()
                    .createProcessInstanceQuery().processInstanceId(cycle.processInstanceId).singleResult()
                    .getProcessDefinitionId()).getDeploymentId()).isEqualTo(previous.getId());

            // when its secretary opens a ballot, it is refused and nothing is written
            CurrentUser secretary = new CurrentUser("sec-DDG-10", List.of("branch-DDG-10"), List.of("DDG"));
            BallotRefusedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    BallotRefusedException.class, () -> ballots.open(cycle.businessKey, Map.of("DDG10-001", "PRESENT",
                            "DDG10-002", "PRESENT", "DDG10-004", "PRESENT"), Map.of(), secretary));
            assertThat(refused.getMessage()).contains("在线测评上线前启动的", "纸质测评票");
            assertThat(jdbc.sql("select count(*) from ballot where cycle_id = ?").param(cycle.businessKey)
                    .query(Integer.class).single()).isZero();

            // then the tallies are typed as before and the meeting is filed on the previous definition
            Map<String, Object> record = BallotTest.meetingRecord(cycle);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tallies = (List<Map<String, Object>>) record.get("tallies");
            tallies.forEach(t -> t.put("qualified", 3));
            cycle.complete("holdMembersMeeting", record);
            assertThat(cycle.openTasks()).doesNotContain("holdMembersMeeting");
            assertThat(jdbc.sql("select sum(qualified) from appraisal_tally where cycle_id = ?").param(cycle.businessKey)
                    .query(Integer.class).single()).isEqualTo(3 * tallies.size());
        } finally {
            engine.getRepositoryService().deleteDeployment(previous.getId(), true);
        }
    }
}
