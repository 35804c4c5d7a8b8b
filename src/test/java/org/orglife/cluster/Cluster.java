package org.orglife.cluster;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The nodes behind a load balancer as a client sees them: each request goes to the next node that
 * is up, in turn; a request that gets no answer (the node died under it, or answered too late) is
 * sent again to the next node. Whoever repeats a request that changes something must check first
 * whether the lost attempt already did it: see {@link Reply#repeated()}.
 */
final class Cluster {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An account and its password, sent by HTTP Basic. */
    record Login(String user, String password) {
        String header() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An answer; {@code repeated} when an earlier attempt of the same request got none. */
    record Reply(int status, String body, AppNode node, boolean repeated) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON from " + node.name() + " (" + status + "): " + body, e);
            }
        }
    }

    private static final int ATTEMPTS = 6;

    private final List<AppNode> nodes;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong turn = new AtomicLong();
    private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();
    final AtomicLong unanswered = new AtomicLong();

    Cluster(List<AppNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    Reply get(String path, Login login) {
        return send("GET", path, login, null, null);
    }

    Reply post(String path, Login login, Object body) {
        return send("POST", path, login, "application/json", HttpRequest.BodyPublishers.ofString(write(body)));
    }

    Reply put(String path, Login login, Object body) {
        return send("PUT", path, login, "application/json", HttpRequest.BodyPublishers.ofString(write(body)));
    }

    Reply postMultipart(String path, Login login, String boundary, byte[] body) {
        return send("POST", path, login, "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** Requests answered per node. */
    Map<String, Long> answeredPerNode() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        answered.forEach((node, count) -> counts.put(node, count.get()));
        return counts;
    }

    private Reply send(String method, String path, Login login, String contentType, HttpRequest.BodyPublisher body) {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            AppNode node = next();
            HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", login.header())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                answered.computeIfAbsent(node.name(), n -> new AtomicLong()).incrementAndGet();
                return new Reply(response.statusCode(), response.body(), node, attempt > 0);
            } catch (IOException e) {
                last = e;
                unanswered.incrementAndGet();
                if (!node.down()) {
                    // a live node that did not answer in time: give it a moment before the next one
                    RealTime.pause(1000L * (attempt + 1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted: " + method + " " + path, e);
            }
        }
        throw new IllegalStateException("no node answered " + method + " " + path + " in " + ATTEMPTS + " attempts", last);
    }

    private AppNode next() {
        List<AppNode> up = nodes.stream().filter(n -> !n.down()).toList();
        if (up.isEmpty()) {
            throw new IllegalStateException("every node is down");
        }
        return up.get((int) Math.floorMod(turn.getAndIncrement(), (long) up.size()));
    }

    private static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
