package org.orglife.bench;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./mvnw -Pbench verify} ({@link BenchApplication}): runs the benchmark once and exits (exit
 * code 1 when it failed). It starts once the application is ready, in its own thread: the job executor
 * starts only then.
 */
@Component
@Profile("bench")
class BenchCommand {

    private final Benchmark benchmark;
    private final Baseline baseline;
    private final BallotBenchmark ballots;
    private final BenchSettings settings;
    private final ApplicationContext context;

    BenchCommand(Benchmark benchmark, Baseline baseline, BallotBenchmark ballots, BenchSettings settings,
            ApplicationContext context) {
        this.benchmark = benchmark;
        this.baseline = baseline;
        this.ballots = ballots;
        this.settings = settings;
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void run() {
        if (!settings.exit()) {
            return;
        }
        // its own thread, so that every other ready listener (the job executor's start among them) runs first
        Thread bench = new Thread(this::runAndExit, "bench");
        bench.start();
    }

    private void runAndExit() {
        int code = 0;
        try {
            if (settings.ballots() > 0) {
                ballots.run(settings, System.out);
            } else if (settings.baseline()) {
                baseline.run(settings, System.out);
            } else {
                benchmark.run(settings, System.out);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            code = 1;
        }
        int exit = code;
        ExitCodeGenerator generator = () -> exit;
        System.exit(SpringApplication.exit(context, generator));
    }
}
