package org.orglife.bench;

import org.orglife.OrgLifeApplication;
import org.springframework.boot.SpringApplication;

/**
 * The benchmark's own entry point, beside the tests and outside the application: OrgLife with the bench
 * profiles ({@link BenchLauncher}), run by {@code ./mvnw -Pbench verify} (BENCHMARKS.md). The
 * application's own {@code main} knows nothing of it.
 */
public final class BenchApplication {

    private BenchApplication() {
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(OrgLifeApplication.class);
        BenchLauncher.configure(app, args);
        app.run(args);
    }
}
