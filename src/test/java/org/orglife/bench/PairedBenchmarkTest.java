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

/**
 * The side-by-side run: OrgLife's cycles and the bare engine's instances worked in turns on one client
 * thread, each to its end, with as many completions on each side and the CPU of each.
 */
@SpringBootTest(properties = {"bench.branches=6", "bench.members=6", "bench.threads=1", "bench.paired=true",
        "bench.inbox-samples=5", "bench.dashboard-samples=2"})
@ActiveProfiles("bench")
@ExtendWith(OutputCaptureExtension.class)
class PairedBenchmarkTest {

    @Autowired Benchmark benchmark;
    @Autowired BenchSettings settings;

    @Test
    void bothSidesAreWorkedInTurnsToTheEndAndEachIsChargedItsCpu(CapturedOutput output) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> paired = (Map<String, Object>) benchmark.run(settings, System.out).get("paired");

        assertThat(output.getOut().lines().filter(line -> line.startsWith("PAIRED {")).toList()).hasSize(1);
        assertThat(paired.get("orglife_completions")).as("every step of every cycle")
                .isEqualTo((long) 6 * Benchmark.USER_TASKS_PER_CYCLE);
        assertThat(paired.get("bare_completions")).as("as many on the bare engine").isEqualTo(paired.get("orglife_completions"));
        for (String figure : List.of("orglife_client_ms_per_completion", "bare_client_ms_per_completion",
                "orglife_machine_cpu_ms_per_completion", "bare_machine_cpu_ms_per_completion", "ratio")) {
            assertThat(((Number) paired.get(figure)).doubleValue()).as(figure).isPositive();
        }
    }
}
