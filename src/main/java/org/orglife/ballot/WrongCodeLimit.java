package org.orglife.ballot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * How many wrong codes one client may try: {@value #ALLOWED} in {@link #WINDOW}, then it waits. A room
 * of members behind one address mistypes a few codes; guessing a 60-bit code at this pace never ends.
 * Counted per application node, in memory: a restart forgives.
 */
@Component
class WrongCodeLimit {

    static final int ALLOWED = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Beyond this many clients tracked, the oldest are forgotten first. */
    static final int CLIENTS = 10_000;

    private final Map<String, Deque<Instant>> misses = new ConcurrentHashMap<>();

    /** Whether the client may try a code now. */
    boolean allows(String client, Instant now) {
        Deque<Instant> recent = misses.get(client);
        if (recent == null) {
            return true;
        }
        synchronized (recent) {
            forgetBefore(recent, now.minus(WINDOW));
            return recent.size() < ALLOWED;
        }
    }

    /** Counts a wrong code (one that is not a code, or not of any ballot). */
    void missed(String client, Instant now) {
        if (misses.size() >= CLIENTS) {
            misses.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    forgetBefore(e.getValue(), now.minus(WINDOW));
                    return e.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> recent = misses.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (recent) {
            forgetBefore(recent, now.minus(WINDOW));
            recent.addLast(now);
        }
    }

    /** Minutes until the client may try again, at least one. */
    long minutesToWait(String client, Instant now) {
        Deque<Instant> recent = misses.get(client);
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            Instant first = recent.peekFirst();
            return first == null ? 0 : Math.max(1, Duration.between(now, first.plus(WINDOW)).toMinutes() + 1);
        }
    }

    private static void forgetBefore(Deque<Instant> recent, Instant since) {
        while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) {
            recent.removeFirst();
        }
    }

    /** Forgets every client's wrong codes, as a restart would. */
    void forgiveAll() {
        misses.clear();
    }
}
