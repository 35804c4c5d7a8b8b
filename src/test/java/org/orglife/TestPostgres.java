package org.orglife;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL of the postgres profile's tests ({@code ./mvnw verify -Ppostgres}; .ci/run creates the
 * database {@code orglife_test}): its tests are skipped with a message when no server answers, except
 * in CI, where that is a failure.
 */
public final class TestPostgres {

    public static final String URL = System.getenv().getOrDefault("ORGLIFE_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/orglife_test");

    /** From a test's {@code @BeforeAll}: skips the test class when the server is not there (fails in CI). */
    public static void assumeReachable() {
        String user = System.getenv().getOrDefault("ORGLIFE_TEST_DATABASE_USERNAME", "postgres");
        try (Connection ignored = DriverManager.getConnection(URL, user,
                System.getenv().getOrDefault("ORGLIFE_TEST_DATABASE_PASSWORD", ""))) {
            // reachable
        } catch (Exception e) {
            String message = "PostgreSQL tests skipped: no database at " + URL + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must run the PostgreSQL tests, but " + message, e);
            }
            Assumptions.abort(message);
        }
    }

    private TestPostgres() {
    }
}
