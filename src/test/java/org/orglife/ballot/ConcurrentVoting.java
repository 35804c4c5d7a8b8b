package org.orglife.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.rating.Grade;
import org.orglife.security.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sixty members of DDG-07 vote at once, each from their own HTTP client, while the secretary closes
 * the ballot: thirty vote before the close, thirty at the moment it is made, five after it. Every vote
 * accepted is counted once, every one refused got the message, and the tallies are the sums of the
 * accepted ballots' choices. Run on H2 ({@link ConcurrentVotingTest}) and PostgreSQL.
 */
abstract class ConcurrentVoting {

    static final int VOTERS = 60;

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;
    @Autowired Ballots ballots;
    @LocalServerPort int port;

    /** The accounts' password in this database. */
    abstract String password();

    /** A review year of DDG-07 that no other test of this database uses. */
    abstract int year();

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void sixtyVotersAtOnceWithTheCloseAmongThemAreEachCountedOnceOrRefusedWithAMessage() {
        // given DDG-07's ballot, every voter present, and sixty of its codes handed out
        TestClock.at(year() + 1, 2, 21);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-07", year()).jumpTo("holdMembersMeeting");
        TestClock.reset();
        WebSession secretary = WebSession.signIn(http, "sec-DDG-07", password());
        assertThat(BallotTest.open(secretary, cycle.businessKey).getStatusCode().value()).isEqualTo(302);
        List<String> codes = jdbc.sql("""
                select c.code from ballot_code c join ballot b on b.id = c.ballot_id
                where b.cycle_id = ? order by c.code""").param(cycle.businessKey).query(String.class).list();
        assertThat(codes.size()).isGreaterThan(VOTERS + 5);
        List<String> members = BallotClient.members(new BallotClient(http).page(codes.get(0)).getBody());
        Map<String, Map<String, String>> choices = new HashMap<>();
        for (int voter = 0; voter < VOTERS + 5; voter++) {
            Map<String, String> ballot = new HashMap<>();
            for (int m = 0; m < members.size(); m++) {
                ballot.put(members.get(m), Grade.values()[(voter + m) % 4].name());
            }
            choices.put(codes.get(voter), ballot);
        }
        Map<String, HttpResponse<String>> answers = new ConcurrentHashMap<>();

        // when thirty vote at once, then thirty more at the moment the secretary closes, then five after it
        castAll(codes.subList(0, 30), choices, answers).join();
        CompletableFuture<Void> during = castAll(codes.subList(30, VOTERS), choices, answers);
        ResponseEntity<String> close = secretary.post("/ballots/" + cycle.businessKey + "/close", Map.of());
        during.join();
        castAll(codes.subList(VOTERS, VOTERS + 5), choices, answers).join();

        // then the close went through, and each answer is 投票成功 or the closed ballot's message
        assertThat(close.getStatusCode().value()).isEqualTo(302);
        List<String> accepted = new ArrayList<>();
        answers.forEach((code, answer) -> {
            if (answer.statusCode() == 200) {
                assertThat(answer.body()).contains("投票成功");
                accepted.add(code);
            } else {
                assertThat(answer.statusCode()).as("refused " + code).isEqualTo(409);
                assertThat(answer.body()).contains("本次民主测评已结束，票码已失效，本票未计入");
            }
        });
        assertThat(answers).hasSize(VOTERS + 5);
        assertThat(accepted).as("the thirty before the close").containsAll(codes.subList(0, 30))
                .as("none after it").doesNotContainAnyElementsOf(codes.subList(VOTERS, VOTERS + 5));

        // and the ballot counts exactly the accepted votes, each code spent once
        Map<String, Object> ballot = jdbc.sql("select * from ballot where cycle_id = ?").param(cycle.businessKey)
                .query().singleRow();
        assertThat(ballot).containsEntry("status", "CLOSED");
        assertThat(ballots.current(cycle.businessKey).orElseThrow().codesCast()).isEqualTo(accepted.size());
        assertThat(jdbc.sql("select code from ballot_code where ballot_id = ? and state = 'SPENT'")
                .param(ballot.get("id")).query(String.class).list()).containsExactlyInAnyOrderElementsOf(accepted);

        // and each member's tallies are the sums of the accepted ballots' choices
        Map<String, BallotTally> tallies = ballots.tallies(ballots.current(cycle.businessKey).orElseThrow()).stream()
                .collect(Collectors.toMap(BallotTally::memberId, t -> t));
        assertThat(tallies.keySet()).containsExactlyInAnyOrderElementsOf(members);
        for (String member : members) {
            Map<String, Long> expected = accepted.stream().map(code -> choices.get(code).get(member))
                    .collect(Collectors.groupingBy(g -> g, Collectors.counting()));
            BallotTally tally = tallies.get(member);
            assertThat(List.of(tally.excellent(), tally.qualified(), tally.basicallyQualified(), tally.unqualified()))
                    .as(member).containsExactly(expected.getOrDefault("EXCELLENT", 0L).intValue(),
                            expected.getOrDefault("QUALIFIED", 0L).intValue(),
                            expected.getOrDefault("BASICALLY_QUALIFIED", 0L).intValue(),
                            expected.getOrDefault("UNQUALIFIED", 0L).intValue());
        }
    }

    /** Each code from its own client, all sent at once. */
    private CompletableFuture<Void> castAll(List<String> codes, Map<String, Map<String, String>> choices,
            Map<String, HttpResponse<String>> answers) {
        return CompletableFuture.allOf(codes.stream().map(code -> {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String body = choices.get(code).entrySet().stream()
                    .map(e -> "m_" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + e.getValue())
                    .collect(Collectors.joining("&"));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ballot/" + code))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenAccept(answer -> answers.put(code, answer));
        }).toArray(CompletableFuture[]::new));
    }

}
