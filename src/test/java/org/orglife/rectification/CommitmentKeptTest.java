package org.orglife.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.security.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 践诺 (issue 20): the secretary records, once the list is filed, whether each member kept the
 * commitment, until the next year's members are rated; every refusal is in Chinese and writes nothing;
 * those who see the branch read it, nobody else; each change is in the audit trail. Over HTTP, as the
 * secretary's browser does. DDG-05's cycles of 2086 and 2087.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CommitmentKeptTest {

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired ReviewCycleRepository cycles;
    @Autowired RectificationRecords records;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** DDG-05's cycle of the year, its list made with two members' commitments. */
    String cycleWithCommitments(int year) {
        TestClock.at(year + 1, 2, 21);
        String cycleId = reviewCycles.start("DDG-05", year, Map.of()).id();
        records.savePlan(cycleId, List.of(new RectificationRecords.Item(1, null, "学习不够深入", "每月集中学习一次",
                LocalDate.of(year + 1, 6, 30), "支部书记", false)), List.of(
                new RectificationRecords.Commitment("DDG05-001", "带头参加集中学习"),
                new RectificationRecords.Commitment("DDG05-002", "帮扶一户困难群众")));
        return cycleId;
    }

    Map<String, Object> state(String cycleId) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kept", jdbc.sql("select member_id, kept, kept_recorded_by from commitment where cycle_id = ? order by member_id")
                .param(cycleId).query().listOfRows());
        state.put("audit", jdbc.sql("select count(*) from audit_event where cycle_id = ?").param(cycleId)
                .query(Integer.class).single());
        return state;
    }

    @Test
    void theSecretaryRecordsKeptCommitmentsOnceTheListIsFiledAndUntilNextYearsRating() {
        // given DDG-05's 2086 list with two commitments, not yet filed
        String cycleId = cycleWithCommitments(2086);
        String page = "/rectification/" + cycleId + "/commitments";
        WebSession secretary = WebSession.signIn(http, "sec-DDG-05");
        Map<String, Object> nothing = state(cycleId);

        // when the secretary records before the filing, it is refused
        ResponseEntity<String> early = secretary.post(page, Map.of("k_DDG05-001", "KEPT"));
        assertThat(early.getStatusCode().value()).isEqualTo(409);
        assertThat(early.getBody()).contains("整改清单经镇党委备案后，才能记录党员践诺情况");
        assertThat(state(cycleId)).isEqualTo(nothing);

        // when the list is filed, the secretary records one member kept and one partly, the page shows it
        cycles.markFiled(cycleId, LocalDate.of(2087, 3, 1));
        assertThat(secretary.post(page, Map.of("k_DDG05-001", "KEPT", "k_DDG05-002", "PARTLY_KEPT"))
                .getStatusCode().value()).isEqualTo(302);
        assertThat(jdbc.sql("select kept from commitment where cycle_id = ? order by member_id").param(cycleId)
                .query(String.class).list()).containsExactly("KEPT", "PARTLY_KEPT");
        assertThat(jdbc.sql("select detail from audit_event where cycle_id = ? and action = '记录践诺' order by member_id")
                .param(cycleId).query(String.class).list()).containsExactly("践诺", "部分践诺");
        assertThat(secretary.get(page).getBody()).contains("带头参加集中学习", "sec-DDG-05");
        assertThat(secretary.get("/dashboard/branches/DDG-05/reviews/2086").getBody()).as("the archive")
                .contains("践诺情况", "部分践诺", "党员践诺情况");

        // and the township reads it, the liaison cadre too, neither may change it; another branch does not see it
        for (String person : List.of("office", "liaison2")) {
            WebSession other = WebSession.signIn(http, person);
            assertThat(other.get(page).getBody()).as(person).contains("部分践诺").doesNotContain("k_DDG05-001");
            ResponseEntity<String> tried = other.post(page, Map.of("k_DDG05-001", "NOT_KEPT"));
            assertThat(tried.getStatusCode().value()).as(person).isEqualTo(403);
            assertThat(tried.getBody()).contains("只有本支部书记可以记录党员践诺情况");
        }
        assertThat(WebSession.signIn(http, "sec-DDG-04").get(page).getStatusCode().value()).isEqualTo(404);
        assertThat(WebSession.signIn(http, "office-ncz").get(page).getStatusCode().value()).isEqualTo(404);

        // and the next year's rating shows each member's commitment and how it was kept, others none
        CycleDriver nextYear = CycleDriver.start(engine, reviewCycles, "DDG-05", 2087).jumpTo("rateMembers");
        Map<String, Object> lastCommitments = new LinkedHashMap<>();
        nextYear.list("rateMembers", "ratings").forEach(r -> lastCommitments.put((String) r.get("memberId"),
                r.get("lastCommitment")));
        assertThat(lastCommitments).containsEntry("DDG05-001", "带头参加集中学习（践诺）")
                .containsEntry("DDG05-002", "帮扶一户困难群众（部分践诺）").containsEntry("DDG05-003", "");

        // when the next year's members are rated, the record is closed
        String next = nextYear.businessKey;
        jdbc.sql("""
                insert into rating (cycle_id, member_id, grade, basis, feedback_given, rated_by, rated_at)
                values (?, 'DDG05-001', 'QUALIFIED', null, true, 'sec-DDG-05', current_timestamp)""").param(next).update();
        Map<String, Object> recorded = state(cycleId);
        ResponseEntity<String> late = secretary.post(page, Map.of("k_DDG05-002", "KEPT"));
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(late.getBody()).contains("2087 年度的民主评议已评定等次，2086 年度的践诺情况不能再修改");
        assertThat(state(cycleId)).isEqualTo(recorded);
    }

    @Test
    void everyBadValueIsRefusedInChineseAndWritesNothing() {
        // given DDG-05's filed 2088 list, one member's commitment recorded
        String cycleId = cycleWithCommitments(2088);
        cycles.markFiled(cycleId, LocalDate.of(2089, 3, 1));
        String page = "/rectification/" + cycleId + "/commitments";
        WebSession secretary = WebSession.signIn(http, "sec-DDG-05");
        secretary.post(page, Map.of("k_DDG05-001", "KEPT"));
        Map<String, Object> before = state(cycleId);

        for (Map<String, String> form : List.of(Map.of("k_DDG05-002", "MAYBE"), Map.of("k_DDG05-002", "践诺"),
                Map.of("k_DDG05-002", "KEPT", "k_DDG05-009", "KEPT"), Map.of("k_<script>", "KEPT"),
                Map.of("k_DDG05-001", "NOT_KEPT", "k_DDG05-002", "x".repeat(5000)))) {
            ResponseEntity<String> refused = secretary.post(page, form);
            assertThat(refused.getStatusCode().value()).as(form.toString()).isEqualTo(400);
            assertThat(refused.getBody()).as(form.toString()).contains("践诺情况未保存，请核对")
                    .containsAnyOf("践诺情况只能是践诺、部分践诺或未践诺", "没有本年度的整改承诺")
                    .doesNotContain("<script>");
        }
        assertThat(state(cycleId)).isEqualTo(before);

        // and a form that changes nothing writes nothing either
        assertThat(secretary.post(page, Map.of("k_DDG05-001", "KEPT", "k_DDG05-002", "")).getStatusCode().value())
                .isEqualTo(302);
        assertThat(state(cycleId)).isEqualTo(before);
        assertThat(WebSession.signIn(http, "office").get("/rectification/2088-NOPE/commitments").getStatusCode().value())
                .isEqualTo(404);
    }
}
