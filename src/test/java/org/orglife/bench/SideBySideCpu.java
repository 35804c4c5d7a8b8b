package org.orglife.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CPU of a side-by-side run ({@code --bench.paired=true}), split between OrgLife and the bare
 * engine, which take turns on one client thread in one JVM against their own databases of one server.
 * Each side is charged what is measurably its own: the client thread's CPU while it made that side's
 * calls, OrgLife's job executor threads, and the PostgreSQL backends connected to that side's
 * database (Linux's {@code /proc/<pid>/stat}). What belongs to neither alone (the JVM's compiler and
 * garbage collector, PostgreSQL's background workers, the rest of the machine) is split in proportion
 * to the measured shares. As both sides run in the same minutes, the machine's drift falls on both.
 */
final class SideBySideCpu {

    private static final String JOB_THREADS = "camundaTaskExecutor";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final JdbcTemplate orglifeDb;
    private final JdbcTemplate bareDb;
    private final long jvmStart;
    private final long jobsStart;
    private final Map<Integer, Long> backendsStart;
    private final long[] machineStart;
    private long orglifeClient;
    private long bareClient;

    SideBySideCpu(JdbcTemplate orglifeDb, JdbcTemplate bareDb) {
        this.orglifeDb = orglifeDb;
        this.bareDb = bareDb;
        this.jvmStart = jvmNanos();
        this.jobsStart = jobThreadNanos();
        this.backendsStart = backendTicks(orglifeDb, bareDb);
        this.machineStart = CpuUse.machineTicks();
    }

    /** The client thread's CPU so far, in ns: taken before and after each side's calls. */
    long clientNanos() {
        return threads.getCurrentThreadCpuTime();
    }

    void orglife(long clientNanos) {
        orglifeClient += clientNanos;
    }

    void bare(long clientNanos) {
        bareClient += clientNanos;
    }

    /** Each side's CPU per completion, its parts, and OrgLife's against the bare engine's. */
    Map<String, Object> perCompletion(long orglifeCompletions, long bareCompletions) {
        double jobs = (jobThreadNanos() - jobsStart) / 1e6;
        double jvm = (jvmNanos() - jvmStart) / 1e6;
        Map<Integer, Long> backends = backendTicks(orglifeDb, bareDb);
        double orglifeDbMs = backendMs(orglifeDb, backends);
        double bareDbMs = backendMs(bareDb, backends);
        long[] machine = CpuUse.machineTicks();
        double machineMs = machine == null || machineStart == null ? 0 : (machine[0] - machineStart[0]) * CpuUse.MS_PER_TICK;
        double orglifeOwn = orglifeClient / 1e6 + jobs + orglifeDbMs;
        double bareOwn = bareClient / 1e6 + bareDbMs;
        double shared = Math.max(0, machineMs - orglifeOwn - bareOwn);
        double orglifeShare = orglifeOwn / (orglifeOwn + bareOwn);
        double orglife = (orglifeOwn + shared * orglifeShare) / orglifeCompletions;
        double bare = (bareOwn + shared * (1 - orglifeShare)) / bareCompletions;

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("orglife_completions", orglifeCompletions);
        figures.put("bare_completions", bareCompletions);
        figures.put("orglife_client_ms_per_completion", Benchmark.round(orglifeClient / 1e6 / orglifeCompletions, 2));
        figures.put("orglife_jobs_ms_per_completion", Benchmark.round(jobs / orglifeCompletions, 2));
        figures.put("orglife_db_ms_per_completion", Benchmark.round(orglifeDbMs / orglifeCompletions, 2));
        figures.put("bare_client_ms_per_completion", Benchmark.round(bareClient / 1e6 / bareCompletions, 2));
        figures.put("bare_db_ms_per_completion", Benchmark.round(bareDbMs / bareCompletions, 2));
        figures.put("jvm_other_ms", Benchmark.round(jvm - orglifeClient / 1e6 - bareClient / 1e6 - jobs, 0));
        figures.put("shared_ms", Benchmark.round(shared, 0));
        figures.put("machine_ms", Benchmark.round(machineMs, 0));
        figures.put("orglife_machine_cpu_ms_per_completion", Benchmark.round(orglife, 2));
        figures.put("bare_machine_cpu_ms_per_completion", Benchmark.round(bare, 2));
        figures.put("ratio_own", Benchmark.round((orglifeOwn / orglifeCompletions) / (bareOwn / bareCompletions), 2));
        figures.put("ratio", Benchmark.round(orglife / bare, 2));
        return figures;
    }

    private long jobThreadNanos() {
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(JOB_THREADS)) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                sum += Math.max(0, nanos);
            }
        }
        return sum;
    }

    private static long jvmNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    /** The CPU ms of the side's backends since the start (a backend connected since then counts whole). */
    private double backendMs(JdbcTemplate db, Map<Integer, Long> now) {
        long ticks = 0;
        for (Integer pid : pids(db)) {
            Long current = now.get(pid);
            if (current != null) {
                ticks += current - backendsStart.getOrDefault(pid, 0L);
            }
        }
        return ticks * CpuUse.MS_PER_TICK;
    }

    private static Map<Integer, Long> backendTicks(JdbcTemplate... dbs) {
        Map<Integer, Long> ticks = new LinkedHashMap<>();
        for (JdbcTemplate db : dbs) {
            for (Integer pid : pids(db)) {
                long used = processTicks(pid);
                if (used >= 0) {
                    ticks.put(pid, used);
                }
            }
        }
        return ticks;
    }

    /** The backends connected to the database of {@code db} (none on H2, whose work is the client's). */
    private static List<Integer> pids(JdbcTemplate db) {
        try {
            return db.queryForList("select pid from pg_stat_activity where datname = current_database()", Integer.class);
        } catch (RuntimeException notPostgres) {
            return List.of();
        }
    }

    /** A process's user and system CPU ticks, or -1 when it has gone. */
    private static long processTicks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, utime 14 and stime 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
