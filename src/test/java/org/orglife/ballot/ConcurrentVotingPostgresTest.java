package org.orglife.ballot;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link ConcurrentVoting} on PostgreSQL ({@code ./mvnw verify -Ppostgres}): row locks and the read
 * committed isolation of a real server. Skipped with a message when no server answers, except in CI.
 */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "orglife.demo.enabled=true")
@ActiveProfiles({"postgres", "pgtest"})
class ConcurrentVotingPostgresTest extends ConcurrentVoting {

    static final String URL = System.getenv().getOrDefault("ORGLIFE_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/orglife_test");

    @BeforeAll
    static void postgresIsReachable() {
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

    @Override
    String password() {
        return "test-password";
    }

    @Override
    int year() {
        return 2098;
    }
}
