package org.orglife.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orglife.identity.IdentitySync;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark tool, tiny: 20 branches of 6 members driven to the end in-process with the job
 * executor on, so that the tool cannot rot. Figures are not asserted, only that the BENCH line is
 * there, complete and consistent, that every cycle ended, and that the bulk identity path left
 * nothing for the identity sync to do.
 */
@SpringBootTest(properties = {"bench.townships=2", "bench.branches=20", "bench.members=6", "bench.threads=4", "bench.inbox-samples=20",
        "bench.dashboard-samples=3"})
@ActiveProfiles("bench")
@ExtendWith(OutputCaptureExtension.class)
class BenchmarkTest {

    @Autowired Benchmark benchmark;
    @Autowired Baseline baseline;
    @Autowired BenchSettings settings;
    @Autowired IdentitySync identitySync;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aTinyRunDrivesEveryCycleToItsEndAndPrintsTheBenchLineLast(CapturedOutput output) throws Exception {
        benchmark.run(settings, System.out);

        List<String> lines = output.getOut().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("BENCH {");
        @SuppressWarnings("unchecked")
        Map<String, Object> bench = new ObjectMapper().readValue(last.substring("BENCH ".length()), Map.class);
        assertThat(bench).containsOnlyKeys("db", "townships", "branches", "members_per_branch", "threads", "seconds",
                "cycles_per_s", "task_completions_per_s", "inbox_p50_ms", "inbox_p95_ms", "office_inbox_p95_ms",
                "dashboard_p95_ms", "county_dashboard_p95_ms", "statistics_s", "county_statistics_s", "heap_peak_mb");
        assertThat(bench).containsEntry("db", "h2").containsEntry("townships", 2).containsEntry("branches", 20).containsEntry("members_per_branch", 6)
                .containsEntry("threads", 4);
        assertThat(((Number) bench.get("cycles_per_s")).doubleValue()).isPositive();
        assertThat(((Number) bench.get("inbox_p95_ms")).doubleValue()).isPositive();
        assertThat(((Number) bench.get("heap_peak_mb")).intValue()).isPositive();

        assertThat(jdbc.queryForObject("select count(*) from review_cycle where status = 'COMPLETED'", Integer.class))
                .isEqualTo(20);
        assertThat(jdbc.queryForObject("select count(*) from statistics_row", Integer.class)).isEqualTo(20);
        assertThat(jdbc.queryForList("select distinct tenant_id_ from act_hi_procinst where proc_def_key_ = "
                + "'branch-annual-review' order by 1", String.class)).as("each cycle in its branch's township")
                .containsExactly("DDG", "T02");
    }

    @Test
    void theBareEngineAnchorWorksEveryTaskOfEveryInstance(CapturedOutput output) throws Exception {
        BenchSettings bare = new BenchSettings(1, 10, 6, 2, "h2", "bulk", 20, 3, 0, true, "plain", false, false, 0, false);

        Map<String, Object> line = baseline.run(bare, System.out);

        List<String> lines = output.getOut().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("BASELINE {");
        assertThat(line).containsEntry("instances", 10).containsEntry("user_tasks", Baseline.USER_TASKS)
                .containsEntry("history", "full");
        assertThat(line).as("every task of every instance").containsEntry("completions", 130L);
        assertThat(((Number) line.get("statements_per_completion")).doubleValue()).isPositive();
    }

    @Test
    void theBareEngineMakesTheCallsOurDriverMakesWithAuthorizationOn(CapturedOutput output) throws Exception {
        BenchSettings same = new BenchSettings(1, 10, 6, 2, "h2", "bulk", 20, 3, 0, true, "same", false, false, 0, false);

        Map<String, Object> line = baseline.run(same, System.out);

        assertThat(line).containsEntry("calls", "same").containsEntry("authorization", true)
                .as("every task of every instance, submitted by a candidate").containsEntry("completions", 130L);
    }

    @Test
    void theBulkIdentityWritesWhatTheIdentitySyncWouldWrite() {
        // the first test may or may not have run: compare the identity tables before and after a sync
        List<Integer> before = identityRows();
        identitySync.sync();
        assertThat(identityRows()).isEqualTo(before);
    }

    private List<Integer> identityRows() {
        return List.of("ACT_ID_GROUP", "ACT_ID_USER", "ACT_ID_MEMBERSHIP", "ACT_ID_TENANT", "ACT_ID_TENANT_MEMBER",
                "ACT_RU_AUTHORIZATION").stream()
                .map(table -> jdbc.queryForObject("select count(*) from " + table, Integer.class)).toList();
    }
}
