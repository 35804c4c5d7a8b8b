package org.orglife.bench;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What to run: {@code --bench.townships} (the county's townships, each a tenant; the branches are split
 * among them in blocks), {@code --bench.branches} (in all), {@code --bench.members} (per branch), {@code --bench.threads}
 * (client threads), {@code --bench.db} (h2 or postgres), {@code --bench.identity} (bulk or sync),
 * {@code --bench.inbox-samples}, {@code --bench.dashboard-samples}, {@code --bench.drive} (how many of
 * the cycles to drive to the end, 0 for all: at province scale a sample is driven while every other
 * cycle stays open), {@code --bench.baseline} (instead, the bare engine's anchor: {@link Baseline}), with
 * {@code --bench.baseline-calls} {@code plain} (find the open task, complete it) or {@code same} (the calls
 * OrgLife's driver makes: the open task, its form variables, submit-form as a member of its candidate
 * group, authorization on); {@code --bench.paired} (OrgLife and the bare engine making the same calls side by
 * side in one run, taking turns on one client thread, with the CPU of each and the ratio); {@code --bench.trace} (statements by where they come from, round trips by kind:
 * slower, for finding a cost, not for measuring it); {@code --bench.ballots} (instead, the appraisal ballot:
 * that many votes cast over HTTP into one branch's ballot by the client threads, {@link BallotBenchmark});
 * {@code bench.exit} ends the JVM after the run (the command line), off in tests.
 */
@ConfigurationProperties("bench")
public record BenchSettings(@DefaultValue("1") int townships, @DefaultValue("200") int branches, @DefaultValue("30") int members,
        @DefaultValue("4") int threads, @DefaultValue("h2") String db, @DefaultValue("bulk") String identity,
        @DefaultValue("200") int inboxSamples, @DefaultValue("10") int dashboardSamples,
        @DefaultValue("0") int drive, @DefaultValue("false") boolean baseline,
        @DefaultValue("plain") String baselineCalls, @DefaultValue("false") boolean paired,
        @DefaultValue("false") boolean trace, @DefaultValue("0") int ballots,
        @DefaultValue("false") boolean exit) {

    /** The number of cycles driven to the end. */
    public int driven() {
        return drive <= 0 ? branches : Math.min(drive, branches);
    }
}
