package org.orglife.cluster;

/**
 * The crash test's one way to wait. Elsewhere tests drive jobs and the clock explicitly (no sleeping);
 * here the nodes are other JVMs with their own job executors, and what is under test is how long a
 * dead node's job locks take to run out in real time, so the test polls the nodes and the database
 * between short pauses, always against a deadline that fails with what is still missing.
 */
final class RealTime {

    private RealTime() {
    }

    static void pause(long millis) {
        try {
            // real-time wait: other JVMs' job executors and lock expiries run on the wall clock
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
