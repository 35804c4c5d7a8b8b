package org.orglife.ballot;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.orglife.TestPostgres;
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

    @BeforeAll
    static void postgresIsReachable() {
        TestPostgres.assumeReachable();
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
