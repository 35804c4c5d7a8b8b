package org.orglife.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ballot benchmark, tiny, so that the tool cannot rot: 20 votes over HTTP from 4 clients into a
 * branch of 40 members. Figures are not asserted, only that every vote was counted (the run checks
 * the tallies itself), the last code closed the ballot, and the BALLOT line is complete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bench.members=40", "bench.ballots=20", "bench.threads=4"})
@ActiveProfiles("bench")
@ExtendWith(OutputCaptureExtension.class)
class BallotBenchmarkTest {

    @Autowired BallotBenchmark benchmark;
    @Autowired BenchSettings settings;

    @Test
    void twentyVotesFromFourClientsAreCountedAndTheBallotLineIsPrinted(CapturedOutput output) throws Exception {
        benchmark.run(settings, System.out);

        List<String> lines = output.getOut().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("BALLOT {");
        @SuppressWarnings("unchecked")
        Map<String, Object> line = new ObjectMapper().readValue(last.substring("BALLOT ".length()), Map.class);
        assertThat(line).containsOnlyKeys("db", "ballots", "members_appraised", "threads", "seconds", "votes_per_s",
                "cast_p50_ms", "cast_p95_ms", "cast_max_ms", "page_p95_ms", "closed_by_last_code", "jvm_cpu_ms_per_vote",
                "machine_cpu_ms_per_vote", "machine_busy_share");
        assertThat(line).containsEntry("ballots", 20).containsEntry("threads", 4).containsEntry("closed_by_last_code", true);
        assertThat(((Number) line.get("cast_p95_ms")).doubleValue()).isPositive();
    }
}
