package org.orglife.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;

/**
 * Turns the benchmark's command line ({@link BenchApplication}) into the bench profiles: the web server on a free port
 * (the REST and webapp starters need one; nobody calls it), the job executor on, H2 in memory or ({@code --bench.db=postgres}) a fresh PostgreSQL database, by default
 * {@code orglife_bench} on the local server, dropped and created again for each run.
 */
public final class BenchLauncher {

    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/orglife_bench";

    private BenchLauncher() {
    }

    public static void configure(SpringApplication app, String[] args) {
        String db = option(args, "bench.db", "h2");
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("bench.exit", "true");
        app.setDefaultProperties(defaults);
        if ("postgres".equals(db)) {
            app.setAdditionalProfiles("bench", "bench-postgres");
            recreateDatabase(env("SPRING_DATASOURCE_URL", DEFAULT_POSTGRES_URL), env("SPRING_DATASOURCE_USERNAME", "postgres"),
                    env("SPRING_DATASOURCE_PASSWORD", ""));
        } else if ("h2".equals(db)) {
            app.setAdditionalProfiles("bench");
        } else {
            throw new IllegalArgumentException("--bench.db must be h2 or postgres, not " + db);
        }
    }

    /** Drops and creates the bench database; refuses a database whose name does not say it is one. */
    static void recreateDatabase(String url, String user, String password) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String name = url.substring(slash + 1, query < 0 ? url.length() : query);
        if (!name.matches("[a-z0-9_]*bench[a-z0-9_]*")) {
            throw new IllegalArgumentException("the bench drops its database; its name must contain 'bench': " + name);
        }
        String maintenance = url.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
        try (Connection c = DriverManager.getConnection(maintenance, user, password); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate the bench database " + name + " at " + maintenance, e);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        String prefix = "--" + name + "=";
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst()
                .orElse(System.getProperty(name, fallback));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
