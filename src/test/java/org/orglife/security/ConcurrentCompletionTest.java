package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/** Two people complete the same task at the same moment: one succeeds, the other is told why not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ConcurrentCompletionTest {

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;

    @BeforeEach
    void restTalksToThisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    @Test
    void ofTwoSimultaneousCompletionsOneSucceedsAndTheOtherGetsAClearMessage() throws Exception {
        int year = 2054;
        reviewCycles.start("DDG-07", year, Map.of());
        String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(year + "-DDG-07")
                .singleResult().getId();
        String body = """
                {"variables":{"committeeMeetingOn":{"value":"2054-12-01"},"membersMeetingOn":{"value":"2054-12-02"},
                "venue":{"value":"党员活动室"},"studyTopics":{"value":"学习党章"},"membersMeetingForm":{"value":"WHOLE"}}}""";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ResponseEntity<JsonNode>>> attempts = List.of("sec-DDG-07", "sec-DDG-07").stream()
                .map(person -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return http.withBasicAuth(person, "demo").postForEntity("/engine-rest/task/" + task + "/submit-form",
                            new HttpEntity<>(body, headers), JsonNode.class);
                })).toList();
        start.countDown();
        List<ResponseEntity<JsonNode>> responses = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(responses).filteredOn(r -> r.getStatusCode().value() == 204).hasSize(1);
        ResponseEntity<JsonNode> loser = responses.stream().filter(r -> r.getStatusCode().value() != 204)
                .findFirst().orElseThrow();
        assertThat(loser.getStatusCode().value()).as(loser.toString()).isIn(404, 409);
        assertThat(loser.getBody().get("message").asText()).contains("他人办理").doesNotContain("Exception");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task).singleResult()
                .getEndTime()).as("completed once").isNotNull();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(year + "-DDG-07")
                .taskDefinitionKey("reviewWorkPlan").count()).as("no duplicate next step").isEqualTo(1);
    }
}
