package org.orglife.ballot;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@link ConcurrentVoting} on the embedded H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ConcurrentVotingTest extends ConcurrentVoting {

    @Override
    String password() {
        return "demo";
    }

    @Override
    int year() {
        return 2097;
    }
}
