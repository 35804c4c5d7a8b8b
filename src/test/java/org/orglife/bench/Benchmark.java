package org.orglife.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.orglife.campaign.Campaigns;
import org.orglife.campaign.CountyCampaigns;
import org.orglife.dashboard.DashboardView;
import org.orglife.form.SubmissionRejectedException;
import org.orglife.identity.Groups;
import org.orglife.security.CurrentUser;
import org.orglife.statistics.StatisticsWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark of issue 7. One run: synthetic registry → campaign launched by the office → the job
 * executor starts every branch's cycle → inbox and dashboard timed while all N branches have their
 * plan open → a pool of client threads drives every cycle to its end through FormService, as the
 * secretary, the office and the liaison cadre (authenticated, so the authorization checks are paid)
 * → statistics XLSX → one {@code BENCH {...}} line.
 *
 * <p>Time: the engine clock is real. The campaign is the current year's with deadlines in February
 * and March of the next, so no step is overdue and the escalation watches start and stop as in a
 * punctual township, their timers never firing. The job executor runs the async continuations
 * (cycle start, floating opinions, dispositions, filing, closing). Only the publicity timer (N
 * working days after the rectification plan) cannot wait: when the driver finds a branch in its
 * publicity, it executes that timer job with ManagementService.executeJob, the same handler the job
 * executor runs at the end of the period.
 */
@Component
@Profile("bench")
public class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int USER_TASKS_PER_CYCLE = 13;

    private final ProcessEngine engine;
    private final IdentityService identity;
    private final Campaigns campaigns;
    private final CountyCampaigns countyCampaigns;
    private final org.orglife.registry.BranchRepository branchRepository;
    private final SyntheticRegistry registry;
    private final DashboardView dashboard;
    private final StatisticsWorkbook workbook;
    private final StatementCounter counter;
    private final Baseline baseline;
    private final JdbcTemplate jdbc;

    Benchmark(ProcessEngine engine, Campaigns campaigns, CountyCampaigns countyCampaigns,
            org.orglife.registry.BranchRepository branchRepository, SyntheticRegistry registry, DashboardView dashboard,
            StatisticsWorkbook workbook, StatementCounter counter, Baseline baseline, JdbcTemplate jdbc) {
        this.engine = engine;
        this.identity = engine.getIdentityService();
        this.campaigns = campaigns;
        this.countyCampaigns = countyCampaigns;
        this.branchRepository = branchRepository;
        this.registry = registry;
        this.dashboard = dashboard;
        this.workbook = workbook;
        this.counter = counter;
        this.baseline = baseline;
        this.jdbc = jdbc;
    }

    /** Runs the whole benchmark, prints its report to {@code out} with the BENCH line last, and returns the figures. */
    public Map<String, Object> run(BenchSettings s, PrintStream out) throws Exception {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        boolean postgres = "postgres".equals(s.db());
        int year = LocalDate.now(SHANGHAI).getYear();
        Map<String, Object> details = new LinkedHashMap<>();

        long t = System.nanoTime();
        registry.writeTownshipIdentity();
        long members = registry.writeRegistry(s.townships(), s.branches(), s.members(), year);
        details.put("registry_s", secondsSince(t));
        t = System.nanoTime();
        registry.writeIdentity(s.branches(), "bulk".equals(s.identity()));
        details.put("identity_s", secondsSince(t));
        details.put("identity_path", s.identity());
        log.info("registry: {} branches, {} members in {} s, identity ({}) in {} s", s.branches(), members,
                details.get("registry_s"), s.identity(), details.get("identity_s"));

        long historyBefore = postgres ? historyBytes(jdbc) : -1;
        long jobsBefore = successfulJobs();
        t = System.nanoTime();
        // the county launches the year, then each township's office its own within it
        countyCampaigns.launch(new CountyCampaigns.LaunchRequest(year, LocalDate.of(year + 1, 2, 10),
                LocalDate.of(year + 1, 2, 26), LocalDate.of(year + 1, 3, 10), 5, BigDecimal.ZERO, 5), "county");
        for (String code : registry.townshipCodes()) {
            campaigns.launch(new Campaigns.LaunchRequest(year, LocalDate.of(year + 1, 2, 10),
                    LocalDate.of(year + 1, 2, 26), LocalDate.of(year + 1, 3, 10), 5, BigDecimal.ZERO), code, "office");
        }
        details.put("launch_s", secondsSince(t));
        waitFor(() -> engine.getTaskService().createTaskQuery().processDefinitionKey("branch-annual-review")
                .taskDefinitionKey("draftWorkPlan").count() >= s.branches(), "every cycle's draftWorkPlan");
        details.put("cycles_open_s", secondsSince(t));
        if (postgres) {
            // a fresh database has no planner statistics yet: plans made for its empty tables would stay
            // (docs/benchmarks-history.md, round 4)
            t = System.nanoTime();
            jdbc.execute("analyze");
            details.put("analyze_s", secondsSince(t));
        }
        log.info("campaign launched, {} cycles open after {} s", s.branches(), details.get("cycles_open_s"));

        List<Double> inbox = timeInbox(s);
        List<Double> officeInbox = timeOfficeInbox(s);
        String oneTownship = registry.townshipOf(1);
        CurrentUser county = new CurrentUser("county", List.of(Groups.COUNTY_STAFF), registry.townshipCodes());
        CurrentUser supervisor = new CurrentUser("supervisor", List.of(Groups.TOWNSHIP_SUPERVISORS),
                List.of(oneTownship));
        List<Double> countyDashboardMs = timeDashboard(year, county, s.dashboardSamples());
        List<Double> dashboardMs = timeDashboard(year, supervisor, s.dashboardSamples());

        long historyLaunched = postgres ? historyBytes(jdbc) : -1;
        StatementCounter.Snapshot sqlBefore = counter.snapshot();
        counter.resetKinds();
        long driveJobsBefore = successfulJobs();
        CpuUse cpu = CpuUse.start();
        ScheduledExecutorService analyzer = postgres ? freshStatistics(jdbc) : null;
        t = System.nanoTime();
        Drive drive;
        try {
            if (s.paired()) {
                PairedDrive paired = drivePaired(s, year);
                out.println("PAIRED " + new ObjectMapper().writeValueAsString(paired.figures()));
                details.put("paired", paired.figures());
                drive = paired.drive();
            } else {
                drive = drive(s, year);
            }
        } finally {
            if (analyzer != null) {
                analyzer.shutdownNow();
            }
        }
        double seconds = secondsSince(t);
        Map<String, Object> cpuPerCompletion = cpu.perCompletion(drive.completions.get());
        StatementCounter.Snapshot sql = counter.snapshot().minus(sqlBefore);
        long driveJobs = successfulJobs() - driveJobsBefore;
        details.put("completions", drive.completions.get());
        details.put("rejected_submissions", drive.rejected.get());
        details.put("optimistic_lock_retries", drive.conflicts.get());
        details.put("publicity_timers_run", drive.timers.get());
        details.put("jobs_in_drive", driveJobs);
        details.put("jobs_per_s", round(driveJobs / seconds, 1));
        details.putAll(cpuPerCompletion);
        details.put("statements_per_completion", round((double) sql.statements() / drive.completions.get(), 1));
        details.put("round_trips_per_completion", round((double) sql.roundTrips() / drive.completions.get(), 1));
        details.put("commits_per_completion", round((double) sql.commits() / drive.completions.get(), 2));
        Map<String, Double> perCompletion = new LinkedHashMap<>();
        counter.topKinds(counter.trace ? 150 : 25).forEach((kind, n) -> perCompletion.put(kind, round((double) n / drive.completions.get(), 2)));
        details.put("statements_per_completion_by_kind", perCompletion);
        details.put("jobs_total_since_launch", successfulJobs() - jobsBefore);
        Map<String, Long> failures = new java.util.TreeMap<>();
        engine.getHistoryService().createHistoricJobLogQuery().failureLog().list()
                .forEach(f -> failures.merge(f.getActivityId() + ":" + f.getJobExceptionMessage(), 1L, Long::sum));
        details.put("job_failures", failures);
        if (postgres) {
            // on disk, dead row versions of updated history rows included: the launch's share of each cycle
            // (all N opened) plus the drive's (the driven ones finished)
            long history = historyBytes(jdbc);
            details.put("history_bytes_per_cycle", (historyLaunched - historyBefore) / s.branches()
                    + (history - historyLaunched) / s.driven());
            if (s.driven() == s.branches()) {
                // what the rows and their indexes take once PostgreSQL has compacted them
                compactHistory(jdbc);
                details.put("history_bytes_per_cycle_compacted", (historyBytes(jdbc) - historyBefore) / s.branches());
            }
        }

        t = System.nanoTime();
        CountingStream xlsx = new CountingStream();
        workbook.write(year, oneTownship, oneTownship, xlsx);
        double statistics = secondsSince(t);
        details.put("statistics_xlsx_bytes", xlsx.count);
        t = System.nanoTime();
        CountingStream countyXlsx = new CountingStream();
        workbook.writeCounty(year, "全县", branchRepository.townships(), countyXlsx);
        double countyStatistics = secondsSince(t);
        details.put("county_xlsx_bytes", countyXlsx.count);

        Map<String, Object> bench = new LinkedHashMap<>();
        bench.put("db", s.db());
        bench.put("townships", s.townships());
        bench.put("branches", s.branches());
        bench.put("members_per_branch", s.members());
        bench.put("threads", s.threads());
        bench.put("seconds", round(seconds, 1));
        bench.put("cycles_per_s", round(s.driven() / seconds, 2));
        bench.put("task_completions_per_s", round(drive.completions.get() / seconds, 1));
        bench.put("inbox_p50_ms", round(percentile(inbox, 50), 2));
        bench.put("inbox_p95_ms", round(percentile(inbox, 95), 2));
        bench.put("office_inbox_p95_ms", round(percentile(officeInbox, 95), 2));
        bench.put("dashboard_p95_ms", round(percentile(dashboardMs, 95), 1));
        bench.put("county_dashboard_p95_ms", round(percentile(countyDashboardMs, 95), 1));
        bench.put("statistics_s", round(statistics, 2));
        bench.put("county_statistics_s", round(countyStatistics, 2));
        bench.put("heap_peak_mb", heapPeakMb());
        ObjectMapper json = new ObjectMapper();
        out.println("bench details " + json.writeValueAsString(details));
        out.println("BENCH " + json.writeValueAsString(bench));
        out.flush();
        Map<String, Object> all = new LinkedHashMap<>(bench);
        all.putAll(details);
        return all;
    }

    /** A secretary's Tasklist inbox: candidate group with assigned tasks, by due date, first page of 50, authenticated. */
    private List<Double> timeInbox(BenchSettings s) {
        Random random = new Random(7);
        List<Double> samples = new ArrayList<>();
        int warmup = Math.min(20, s.inboxSamples());
        for (int i = 0; i < warmup + s.inboxSamples(); i++) {
            int branch = 1 + random.nextInt(s.branches());
            String group = "branch-" + SyntheticRegistry.code(branch);
            identity.setAuthentication(SyntheticRegistry.secretary(branch), List.of(Groups.BRANCH_SECRETARIES, group),
                    List.of(registry.townshipOf(branch)));
            try {
                long t = System.nanoTime();
                // as the 本支部待办 filter asks: the branch's steps, the secretary's own among them
                List<Task> page = engine.getTaskService().createTaskQuery().taskCandidateGroup(group)
                        .includeAssignedTasks().orderByDueDate().asc().listPage(0, 50);
                double ms = (System.nanoTime() - t) / 1e6;
                if (page.isEmpty()) {
                    throw new IllegalStateException("inbox of " + group + " is empty");
                }
                if (i >= warmup) {
                    samples.add(ms);
                }
            } finally {
                identity.clearAuthentication();
            }
        }
        return samples;
    }

    /**
     * A township office's Tasklist inbox, as its 全镇各支部待办 filter asks: every task of the township it
     * may see, by due date, first page of 50; the tenant check keeps it to its own township.
     */
    private List<Double> timeOfficeInbox(BenchSettings s) {
        Random random = new Random(8);
        List<String> townships = registry.townshipCodes();
        List<Double> samples = new ArrayList<>();
        int warmup = Math.min(20, s.inboxSamples());
        for (int i = 0; i < warmup + s.inboxSamples(); i++) {
            String township = townships.get(random.nextInt(townships.size()));
            identity.setAuthentication("office", List.of(Groups.TOWNSHIP_OFFICE), List.of(township));
            try {
                long t = System.nanoTime();
                List<Task> page = engine.getTaskService().createTaskQuery().orderByDueDate().asc()
                        .orderByTaskCreateTime().asc().listPage(0, 50);
                double ms = (System.nanoTime() - t) / 1e6;
                if (page.isEmpty() || page.stream().anyMatch(task -> !township.equals(task.getTenantId()))) {
                    throw new IllegalStateException("the office of " + township + " sees " + page.size()
                            + " tasks, some of them another township's");
                }
                if (i >= warmup) {
                    samples.add(ms);
                }
            } finally {
                identity.clearAuthentication();
            }
        }
        return samples;
    }

    /** The dashboard's first page (branches, open steps, overdue marks, charts, for the county the townships ranked). */
    private List<Double> timeDashboard(int year, CurrentUser viewer, int count) {
        List<Double> samples = new ArrayList<>();
        boolean county = viewer.groupIds().contains(Groups.COUNTY_STAFF);
        for (int i = 0; i < count + 2; i++) {
            long t = System.nanoTime();
            var view = dashboard.of(year, viewer, org.orglife.dashboard.DashboardQuery.firstPage());
            if (county && view.townships().isEmpty()) {
                throw new IllegalStateException("the county's dashboard ranks no township");
            }
            double ms = (System.nanoTime() - t) / 1e6;
            if (view.branches().isEmpty()) {
                throw new IllegalStateException("the dashboard shows no branch");
            }
            if (i >= 2) {
                samples.add(ms);
            }
        }
        return samples;
    }

    private static final class Drive {
        final AtomicLong completions = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong conflicts = new AtomicLong();
        final AtomicLong timers = new AtomicLong();
        final AtomicInteger finished = new AtomicInteger();
        volatile boolean failed;
    }

    /** A cycle to visit, not before {@code notBefore} (nanoTime): one that waits on the job executor is looked at again later. */
    private record Cycle(int branch, String processInstanceId, long notBefore) implements Delayed {

        Cycle later(long nanos) {
            return new Cycle(branch, processInstanceId, System.nanoTime() + nanos);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(notBefore - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(notBefore, ((Cycle) other).notBefore);
        }
    }

    /** How long a cycle that waits on an async step is left alone before the next look. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * While the cycles are driven, every table that has changed by a tenth since its last analyze is
     * analyzed again within 20 s, as autovacuum would do on a database that has run for a while. The
     * first analyze of a fresh bench database saw the tables the drive fills empty, and PostgreSQL
     * keeps the plans it made for empty tables (a scan of the whole audit trail for each step filed)
     * until autovacuum, busy with the registry's millions of new rows, gets round to them: 5.3 ms
     * instead of 0.1 ms per audit row in a 100,000-branch run (docs/benchmarks-history.md, round 4).
     */
    static ScheduledExecutorService freshStatistics(JdbcTemplate jdbc) {
        ScheduledExecutorService analyzer = Executors.newSingleThreadScheduledExecutor();
        analyzer.scheduleWithFixedDelay(() -> {
            try {
                jdbc.queryForList("select quote_ident(relname) from pg_stat_user_tables "
                        + "where n_mod_since_analyze > 50 + 0.1 * n_live_tup", String.class)
                        .forEach(table -> jdbc.execute("analyze " + table));
            } catch (RuntimeException e) {
                log.warn("analyze during the drive failed: {}", e.getMessage());
            }
        }, 20, 20, TimeUnit.SECONDS);
        return analyzer;
    }

    private Drive drive(BenchSettings s, int year) throws Exception {
        List<Cycle> cycles = cyclesToDrive(s, year);
        DelayQueue<Cycle> queue = new DelayQueue<>(cycles);
        Drive drive = new Drive();
        ExecutorService pool = Executors.newFixedThreadPool(s.threads());
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < s.threads(); i++) {
            workers.add(pool.submit(() -> {
                while (drive.finished.get() < cycles.size() && !drive.failed) {
                    Cycle cycle = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (cycle == null) {
                        continue;
                    }
                    int progress;
                    try {
                        progress = visit(cycle, year, drive);
                    } catch (RuntimeException e) {
                        drive.failed = true;
                        throw e;
                    }
                    if (progress < 0) {
                        drive.finished.incrementAndGet();
                    } else {
                        // after a step the next one is usually open at once; otherwise an async step runs first
                        queue.add(cycle.later(progress > 0 ? 0 : RECHECK_NANOS));
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        return drive;
    }

    /** A side-by-side run: OrgLife's drive (for the figures every run reports) and the CPU of each side. */
    private record PairedDrive(Drive drive, Map<String, Object> figures) {
    }

    /**
     * OrgLife and the bare engine side by side ({@code --bench.paired=true}): one client thread visits an
     * OrgLife cycle, then makes as many completions on the bare engine as the visit made on OrgLife
     * (the same calls as {@code --bench.baseline-calls=same}), and so on to the end; {@link SideBySideCpu}
     * splits the CPU. Both engines read their queries' flags through OrgLife's {@code QueryFlagReads}
     * (one JVM, one MyBatis): the bare engine is a little cheaper here than as shipped, the ratio no
     * kinder to OrgLife.
     */
    private PairedDrive drivePaired(BenchSettings s, int year) throws Exception {
        if (s.threads() != 1) {
            throw new IllegalArgumentException("--bench.paired takes turns on one client thread: --bench.threads=1");
        }
        try (Baseline.Bare bare = baseline.open(s, true)) {
            ArrayDeque<String> bareInstances = new ArrayDeque<>();
            for (int i = 0; i < s.driven(); i++) {
                bareInstances.add(bare.start());
            }
            JdbcTemplate bareDb = new JdbcTemplate(bare.pool());
            ScheduledExecutorService bareAnalyzer = "postgres".equals(s.db()) ? freshStatistics(bareDb) : null;
            Drive drive = new Drive();
            DelayQueue<Cycle> queue = new DelayQueue<>(cyclesToDrive(s, year));
            int cycles = queue.size();
            long bareCompletions = 0;
            SideBySideCpu cpu = new SideBySideCpu(jdbc, bareDb);
            try {
                while (drive.finished.get() < cycles) {
                    Cycle cycle = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (cycle == null) {
                        continue;
                    }
                    long completionsBefore = drive.completions.get();
                    long t = cpu.clientNanos();
                    int progress = visit(cycle, year, drive);
                    cpu.orglife(cpu.clientNanos() - t);
                    if (progress < 0) {
                        drive.finished.incrementAndGet();
                    } else {
                        queue.add(cycle.later(progress > 0 ? 0 : RECHECK_NANOS));
                    }
                    for (long n = drive.completions.get() - completionsBefore; n > 0 && !bareInstances.isEmpty(); ) {
                        t = cpu.clientNanos();
                        boolean worked = bare.workNext(bareInstances.peek());
                        cpu.bare(cpu.clientNanos() - t);
                        if (worked) {
                            bareCompletions++;
                            n--;
                        } else {
                            bareInstances.poll();
                        }
                    }
                }
                return new PairedDrive(drive, cpu.perCompletion(drive.completions.get(), bareCompletions));
            } finally {
                if (bareAnalyzer != null) {
                    bareAnalyzer.shutdownNow();
                }
            }
        }
    }

    /** The cycles to drive, a shuffled sample of {@code bench.drive} of them (all by default). */
    private List<Cycle> cyclesToDrive(BenchSettings s, int year) {
        Map<String, String> instances = new LinkedHashMap<>();
        jdbc.query("select branch_code, process_instance_id from review_cycle where review_year = ?",
                rs -> {
                    instances.put(rs.getString(1), rs.getString(2));
                }, year);
        List<Cycle> all = new ArrayList<>();
        for (int b = 1; b <= s.branches(); b++) {
            all.add(new Cycle(b, instances.get(SyntheticRegistry.code(b)), 0));
        }
        Collections.shuffle(all, new Random(11));
        return new ArrayList<>(all.subList(0, s.driven()));
    }

    /** Works every open task of the cycle once; returns the steps done, or -1 when the cycle has ended. */
    private int visit(Cycle cycle, int year, Drive drive) {
        List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(cycle.processInstanceId()).list();
        int done = 0;
        for (Task task : open) {
            Map<String, Object> prefilled = engine.getFormService().getTaskFormVariables(task.getId());
            Map<String, Object> form = CycleForms.fill(task.getTaskDefinitionKey(), prefilled, year);
            if (form == null) {
                throw new IllegalStateException("the bench cannot fill " + task.getTaskDefinitionKey());
            }
            authenticate(task.getTaskDefinitionKey(), cycle.branch());
            try {
                engine.getFormService().submitTaskForm(task.getId(), form);
                drive.completions.incrementAndGet();
                done++;
            } catch (OptimisticLockingException e) {
                drive.conflicts.incrementAndGet();
            } catch (SubmissionRejectedException e) {
                drive.rejected.incrementAndGet();
                throw new IllegalStateException("submission of " + task.getTaskDefinitionKey() + " for branch "
                        + cycle.branch() + " refused: " + e.getMessage(), e);
            } finally {
                identity.clearAuthentication();
            }
        }
        if (done > 0) {
            return done;
        }
        Job publicity = engine.getManagementService().createJobQuery().processInstanceId(cycle.processInstanceId())
                .activityId("timerEvent_publicityEnded").singleResult();
        if (publicity != null && open.stream().noneMatch(t -> t.getTaskDefinitionKey().equals("recordPublicityFeedback"))) {
            try {
                engine.getManagementService().executeJob(publicity.getId());
                drive.timers.incrementAndGet();
                return 1;
            } catch (OptimisticLockingException e) {
                drive.conflicts.incrementAndGet();
                return 0;
            }
        }
        if (open.isEmpty() && engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(cycle.processInstanceId()).count() == 0) {
            return -1;
        }
        return 0;
    }

    private void authenticate(String taskKey, int branch) {
        switch (taskKey) {
            case "reviewWorkPlan", "reviewFiling", "approveExcellentException" ->
                identity.setAuthentication("office", List.of(Groups.TOWNSHIP_OFFICE), List.of(registry.townshipOf(branch)));
            case "attendAndComment" -> identity.setAuthentication(SyntheticRegistry.liaison(branch),
                    List.of(Groups.LIAISON_CADRES), List.of(registry.townshipOf(branch)));
            default -> identity.setAuthentication(SyntheticRegistry.secretary(branch),
                    List.of(Groups.BRANCH_SECRETARIES, "branch-" + SyntheticRegistry.code(branch)),
                    List.of(registry.townshipOf(branch)));
        }
    }

    private long successfulJobs() {
        return engine.getHistoryService().createHistoricJobLogQuery().successLog().count();
    }

    /** Rewrites the engine's history tables without dead row versions (PostgreSQL). */
    static void compactHistory(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("select c.relname from pg_class c join pg_namespace n "
                + "on n.oid = c.relnamespace where c.relkind = 'r' and c.relname like 'act\\_hi\\_%' "
                + "and n.nspname = current_schema()", String.class);
        jdbc.execute("vacuum full " + String.join(", ", tables));
    }

    /** The engine's history tables with their indexes, on disk (PostgreSQL). */
    static long historyBytes(JdbcTemplate jdbc) {
        Long bytes = jdbc.queryForObject("select sum(pg_total_relation_size(c.oid)) from pg_class c "
                + "join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and c.relname like 'act\\_hi\\_%' "
                + "and n.nspname = current_schema()", Long.class);
        return bytes == null ? 0 : bytes;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(3);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private static long heapPeakMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    static double percentile(List<Double> samples, int p) {
        if (samples.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double secondsSince(long nanos) {
        return round((System.nanoTime() - nanos) / 1e9, 2);
    }

    static double round(double value, int digits) {
        return new BigDecimal(String.format(Locale.ROOT, "%." + digits + "f", value)).doubleValue();
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
        }
    }
}
