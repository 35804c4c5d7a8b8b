package org.orglife.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.orglife.ballot.Ballot;
import org.orglife.ballot.Ballots;
import org.orglife.cycle.BranchCycle;
import org.orglife.cycle.ReviewCycle;
import org.orglife.cycle.ReviewCycles;
import org.orglife.rating.Grade;
import org.orglife.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The appraisal ballot under load ({@code --bench.ballots=N}): one branch's members' meeting with N
 * voters present, N ballots cast over real HTTP by {@code --bench.threads} clients at once, each
 * opening its slip's page and then casting all of its choices, as a phone does, after an unmeasured
 * warm-up ballot in a second branch. Prints the votes per second, the cast's latencies and the CPU
 * per vote in a {@code BALLOT {...}} line, after checking that every vote was counted: each member's
 * four counts add up to N.
 */
@Component
@Profile("bench")
class BallotBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BallotBenchmark.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Votes of the warm-up ballot, unmeasured. */
    static final int WARM_UP = 300;

    private final SyntheticRegistry registry;
    private final ReviewCycles reviewCycles;
    private final Ballots ballots;
    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final Environment environment;

    BallotBenchmark(SyntheticRegistry registry, ReviewCycles reviewCycles, Ballots ballots, ProcessEngine engine,
            JdbcTemplate jdbc, Environment environment) {
        this.registry = registry;
        this.reviewCycles = reviewCycles;
        this.ballots = ballots;
        this.engine = engine;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    Map<String, Object> run(BenchSettings s, PrintStream out) throws Exception {
        int year = LocalDate.now(SHANGHAI).getYear();
        registry.writeTownshipIdentity();
        registry.writeRegistry(1, 2, s.members(), year);
        registry.writeIdentity(2, true);

        // first a warm-up ballot in branch 2, unmeasured: the server is measured warm, as a meeting finds it
        OpenedBallot warmUp = open(2, Math.min(WARM_UP, s.ballots()), year);
        castAll(warmUp, s.threads(), new ArrayList<>(), new ArrayList<>());

        // then branch 1's ballot, N voters present, N votes cast by the clients at once
        OpenedBallot measured = open(1, s.ballots(), year);
        log.info("ballot of {}: {} codes, {} members appraised, {} client threads", SyntheticRegistry.code(1),
                measured.codes().size(), measured.appraised().size(), s.threads());
        List<Double> castMs = Collections.synchronizedList(new ArrayList<>());
        List<Double> pageMs = Collections.synchronizedList(new ArrayList<>());
        CpuUse cpu = CpuUse.start();
        long start = System.nanoTime();
        castAll(measured, s.threads(), castMs, pageMs);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> cpuPerVote = cpu.perCompletion(s.ballots());

        // every vote counted: each member's counts add up to N, and the last code closed the ballot
        Ballot closed = ballots.ballots(measured.ballot().cycleId()).get(0);
        List<Integer> sums = ballots.tallies(closed).stream().map(org.orglife.ballot.BallotTally::votes).toList();
        if (sums.stream().anyMatch(sum -> sum != s.ballots())) {
            throw new IllegalStateException("votes lost or counted twice: " + sums.stream().distinct().toList());
        }

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("db", s.db());
        line.put("ballots", s.ballots());
        line.put("members_appraised", measured.appraised().size());
        line.put("threads", s.threads());
        line.put("seconds", Benchmark.round(seconds, 2));
        line.put("votes_per_s", Benchmark.round(s.ballots() / seconds, 1));
        line.put("cast_p50_ms", Benchmark.round(Benchmark.percentile(castMs, 50), 1));
        line.put("cast_p95_ms", Benchmark.round(Benchmark.percentile(castMs, 95), 1));
        line.put("cast_max_ms", Benchmark.round(Collections.max(castMs), 1));
        line.put("page_p95_ms", Benchmark.round(Benchmark.percentile(pageMs, 95), 1));
        line.put("closed_by_last_code", closed.status() == org.orglife.ballot.BallotStatus.CLOSED);
        // this JVM's CPU includes the phones' clients; the machine's includes PostgreSQL's
        line.put("jvm_cpu_ms_per_vote", cpuPerVote.get("app_cpu_ms_per_completion"));
        line.put("machine_cpu_ms_per_vote", cpuPerVote.get("machine_cpu_ms_per_completion"));
        line.put("machine_busy_share", cpuPerVote.get("machine_cpu_busy_share"));
        out.println("BALLOT " + new ObjectMapper().writeValueAsString(line));
        return line;
    }

    /** A ballot opened by its secretary, its codes and the members it appraises. */
    record OpenedBallot(Ballot ballot, List<String> codes, List<String> appraised) {
    }

    /** Synthetic branch {@code b}'s cycle at its members' meeting, its ballot opened with {@code present} voters present. */
    private OpenedBallot open(int b, int present, int year) {
        String branch = SyntheticRegistry.code(b);
        ReviewCycle cycle = reviewCycles.start(branch, year, Map.of());
        engine.getRuntimeService().createProcessInstanceModification(cycle.processInstanceId())
                .startBeforeActivity("holdMembersMeeting").cancelAllForActivity("draftWorkPlan").execute();
        CurrentUser secretary = new CurrentUser(SyntheticRegistry.secretary(b), List.of("branch-" + branch),
                List.of(registry.townshipOf(b)));
        BranchCycle ofBranch = ballots.cycle(cycle.id(), secretary);
        List<Ballots.Voter> voters = ballots.voters(ofBranch);
        if (voters.size() < present) {
            throw new IllegalArgumentException(present + " votes need as many voters; " + branch + " has "
                    + voters.size() + ": raise --bench.members");
        }
        Map<String, String> attendance = new HashMap<>();
        for (int i = 0; i < voters.size(); i++) {
            attendance.put(voters.get(i).memberId(), i < present ? "PRESENT" : "ABSENT");
        }
        Ballot ballot = ballots.open(cycle.id(), attendance, Map.of(), secretary);
        return new OpenedBallot(ballot, ballots.codesToPrint(ofBranch, secretary), jdbc.queryForList(
                "select member_id from ballot_member where ballot_id = ? order by position", String.class, ballot.id()));
    }

    /** Every code of the ballot used by {@code threads} phones at once, each opening its page, then casting. */
    private void castAll(OpenedBallot ballot, int threads, List<Double> castMs, List<Double> pageMs) throws Exception {
        String base = "http://localhost:" + environment.getProperty("local.server.port");
        ConcurrentLinkedQueue<String> slips = new ConcurrentLinkedQueue<>(ballot.codes());
        List<String> fields = ballot.appraised().stream().map(m -> "m_" + URLEncoder.encode(m, StandardCharsets.UTF_8) + "=")
                .toList();
        ExecutorService phones = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            running.add(phones.submit(() -> {
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                Random random = new Random(seed);
                for (String code = slips.poll(); code != null; code = slips.poll()) {
                    long t0 = System.nanoTime();
                    // the page's bytes are read, not decoded: a phone's work, not the server's, on this machine's cores
                    HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(URI.create(base + "/ballot/" + code))
                            .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    pageMs.add((System.nanoTime() - t0) / 1e6);
                    if (page.statusCode() != 200 || !contains(page.body(), FORM)) {
                        throw new IllegalStateException(page.uri() + " answered " + page.statusCode());
                    }
                    String body = fields.stream().map(field -> field + Grade.values()[random.nextInt(4)].name())
                            .collect(Collectors.joining("&"));
                    long t1 = System.nanoTime();
                    HttpResponse<String> cast = send(client, HttpRequest.newBuilder(URI.create(base + "/ballot/" + code))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                    castMs.add((System.nanoTime() - t1) / 1e6);
                    expect(cast, 200, "投票成功");
                }
                return null;
            }));
        }
        try {
            for (Future<?> phone : running) {
                phone.get();
            }
        } finally {
            phones.shutdown();
        }
    }

    /** What every ballot page carries: its form. */
    private static final byte[] FORM = "id=\"ballot-form\"".getBytes(StandardCharsets.US_ASCII);

    private static boolean contains(byte[] page, byte[] marker) {
        outer:
        for (int i = 0; i <= page.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (page[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        }
    }

    private static void expect(HttpResponse<String> answer, int status, String text) {
        if (answer.statusCode() != status || !answer.body().contains(text)) {
            throw new IllegalStateException(answer.uri() + " answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(300, answer.body().length())));
        }
    }
}
