package org.orglife.bench;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code java -jar orglife.jar --bench ...}: runs the benchmark once and exits (exit code 1 when it failed). */
@Component
@Profile("bench")
@Order(100)
class BenchCommand implements ApplicationRunner {

    private final Benchmark benchmark;
    private final BenchSettings settings;
    private final ApplicationContext context;

    BenchCommand(Benchmark benchmark, BenchSettings settings, ApplicationContext context) {
        this.benchmark = benchmark;
        this.settings = settings;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!settings.exit()) {
            return;
        }
        int code = 0;
        try {
            benchmark.run(settings, System.out);
        } catch (Exception | Error e) {
            e.printStackTrace();
            code = 1;
        }
        int exit = code;
        ExitCodeGenerator generator = () -> exit;
        System.exit(SpringApplication.exit(context, generator));
    }
}
