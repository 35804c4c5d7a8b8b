package org.orglife.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU used from {@link #start()} on: the application's (this JVM) and the whole machine's, from
 * Linux's {@code /proc/stat} (PostgreSQL's on the same host is most of the difference). On a saturated
 * machine throughput is the inverse of the machine's CPU per completion.
 */
final class CpuUse {

    /** {@code /proc/stat} counts CPU time in ticks of 1/100 s. */
    static final double MS_PER_TICK = 10.0;

    private final long appNanos;
    private final long[] machineTicks;

    private CpuUse(long appNanos, long[] machineTicks) {
        this.appNanos = appNanos;
        this.machineTicks = machineTicks;
    }

    static CpuUse start() {
        return new CpuUse(appNanos(), machineTicks());
    }

    /** The CPU used so far, per completion: {@code app_cpu_ms_per_completion}, and where Linux tells, the machine's. */
    Map<String, Object> perCompletion(long completions) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("app_cpu_ms_per_completion", Benchmark.round((appNanos() - appNanos) / 1e6 / completions, 2));
        long[] now = machineTicks();
        if (machineTicks != null && now != null) {
            double busyMs = (now[0] - machineTicks[0]) * MS_PER_TICK;
            double allMs = (now[1] - machineTicks[1]) * MS_PER_TICK;
            figures.put("machine_cpu_ms_per_completion", Benchmark.round(busyMs / completions, 2));
            figures.put("machine_cpu_busy_share", Benchmark.round(busyMs / allMs, 2));
        }
        return figures;
    }

    private static long appNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    /** The machine's busy and total CPU ticks over all cores, or null where there is no {@code /proc/stat}. */
    static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
