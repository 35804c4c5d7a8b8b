package org.orglife.cluster;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.orglife.bench.CycleForms;
import org.orglife.cluster.Cluster.Login;
import org.orglife.cluster.Cluster.Reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Drives the township's year to its end through the engine's REST API, as the people who hold each
 * task: every branch cycle (the secretary, the township's office, the liaison cadre), the spot checks and
 * supervision (the township's supervisor) and each township's summary (its office), with a pool of client threads
 * each working one cycle at a time. Form values come from {@link CycleForms}, submitted as Tasklist
 * submits them (lists as Json variables).
 *
 * <p>Time is real and the campaign's deadlines lie in the next year, so nothing falls due by itself.
 * Two waits are cut short by moving a timer's due date to now ({@code PUT /job/{id}/duedate}), so that
 * the job executors fire it: the publicity period of every cycle (after its feedback step is done),
 * and, for the {@code overdue} cycles, the overdue sweep's next run (after the members' meeting's due
 * date is moved to now) and the two working days after it, so that the liaison cadre and the branch
 * are notified, the supervisors get a 督办 task (done by the supervisor) and only then is the meeting
 * recorded.
 *
 * <p>A submission that got no answer is sent again to the next node; a 404 or 409 then counts as done
 * only when the engine's history says that the task was completed.
 */
final class CampaignDriver {

    static final String OVERDUE_STEP = "holdMembersMeeting";
    private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** One process instance to drive: a branch cycle, or a township's campaign ({@code branch} null). */
    static final class Visit {
        final String label;
        final Integer branch;
        /** Whose township's office and supervisors work its township steps. */
        final String township;
        final String processInstanceId;
        final boolean overdue;
        boolean publicityMoved;
        String watchId;
        int escalation;
        String lastOpen = "";

        /** A branch's cycle. */
        Visit(String label, int branch, String processInstanceId, boolean overdue) {
            this(label, branch, CrashRoster.township(branch), processInstanceId, overdue);
        }

        /** A township's campaign. */
        Visit(String label, String township, String processInstanceId) {
            this(label, null, township, processInstanceId, false);
        }

        private Visit(String label, Integer branch, String township, String processInstanceId, boolean overdue) {
            this.label = label;
            this.branch = branch;
            this.township = township;
            this.processInstanceId = processInstanceId;
            this.overdue = overdue;
        }
    }

    private final Cluster cluster;
    private final Login admin;
    private final String password;
    private final int year;
    private final List<Visit> visits;
    private final Map<String, Set<String>> passed = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> submittedPerNode = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger finished = new AtomicInteger();
    final AtomicLong submissions = new AtomicLong();
    final AtomicLong settledByLostAttempt = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    final AtomicLong timersMoved = new AtomicLong();
    private ExecutorService pool;

    CampaignDriver(Cluster cluster, Login admin, String password, int year, List<Visit> visits) {
        this.cluster = cluster;
        this.admin = admin;
        this.password = password;
        this.year = year;
        this.visits = List.copyOf(visits);
    }

    void start(int threads) {
        List<Visit> order = new ArrayList<>(visits);
        Collections.shuffle(order, new Random(6));
        ConcurrentLinkedQueue<Visit> queue = new ConcurrentLinkedQueue<>(order);
        pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> work(queue));
        }
        pool.shutdown();
    }

    private void work(ConcurrentLinkedQueue<Visit> queue) {
        int idle = 0;
        Visit visit;
        while (failure.get() == null && (visit = queue.poll()) != null) {
            int progress;
            try {
                progress = visit(visit);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, new IllegalStateException(visit.label + ": " + e.getMessage(), e));
                return;
            }
            if (progress < 0) {
                finished.incrementAndGet();
                continue;
            }
            queue.add(visit);
            // the last cycles wait for the job executors (or for a dead node's locks to expire)
            idle = progress > 0 ? 0 : idle + 1;
            if (idle > queue.size()) {
                RealTime.pause(200);
            }
        }
    }

    /** Waits until every visit has ended; fails with what is still open. */
    void awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            if (failure.get() != null) {
                break;
            }
            if (System.nanoTime() > deadline) {
                failure.compareAndSet(null, new IllegalStateException("the year did not end within "
                        + timeout.toSeconds() + " s; still open: " + stillOpen()));
            }
        }
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        if (failure.get() != null) {
            throw new AssertionError("driving the year failed: " + failure.get().getMessage(), failure.get());
        }
        if (finished.get() != visits.size()) {
            throw new AssertionError("only " + finished.get() + " of " + visits.size() + " instances ended; still open: "
                    + stillOpen());
        }
    }

    void failIfBroken() {
        if (failure.get() != null) {
            throw new AssertionError("driving the year failed: " + failure.get().getMessage(), failure.get());
        }
    }

    void stop() {
        if (pool != null) {
            failure.compareAndSet(null, new IllegalStateException("stopped"));
            pool.shutdownNow();
        }
    }

    /** How many cycles have completed the given step. */
    int passed(String taskKey) {
        Set<String> branches = passed.get(taskKey);
        return branches == null ? 0 : branches.size();
    }

    Map<String, Long> submittedPerNode() {
        Map<String, Long> counts = new TreeMap<>();
        submittedPerNode.forEach((node, count) -> counts.put(node, count.get()));
        return counts;
    }

    private String stillOpen() {
        Map<String, String> open = new LinkedHashMap<>();
        visits.forEach(v -> open.put(v.label, v.lastOpen));
        return open.toString();
    }

    /** Works every open task of the instance once; returns the steps done, or -1 when the instance has ended. */
    private int visit(Visit v) {
        List<JsonNode> open = list(cluster.get("/engine-rest/task?processInstanceId=" + v.processInstanceId
                + "&maxResults=100", admin), "open tasks of " + v.label);
        v.lastOpen = open.stream().map(t -> t.get("taskDefinitionKey").asText()).toList().toString();
        int done = 0;
        for (JsonNode task : open) {
            String key = task.get("taskDefinitionKey").asText();
            if (v.overdue && OVERDUE_STEP.equals(key) && v.escalation < 3) {
                done += escalate(v, task);
            } else {
                done += complete(v, task.get("id").asText(), key);
            }
        }
        if (done > 0 || !open.isEmpty()) {
            return done;
        }
        // nothing to do: the publicity period runs (its feedback step is done), an async step waits for
        // a job executor, or the instance has ended
        if (v.branch != null && !v.publicityMoved && moveTimer(v.processInstanceId, "timerEvent_publicityEnded")) {
            v.publicityMoved = true;
            return 1;
        }
        Reply history = cluster.get("/engine-rest/history/process-instance/" + v.processInstanceId, admin);
        expect(history, 200, "history of " + v.label);
        String state = history.json().path("state").asText();
        if ("COMPLETED".equals(state)) {
            return -1;
        }
        if (!"ACTIVE".equals(state)) {
            throw new IllegalStateException(v.label + " is " + state);
        }
        return 0;
    }

    /**
     * The overdue members' meeting: its due date is moved to now and the overdue sweep's timer too, so that
     * a job executor's sweep escalates it (level 1); then the level-2 timer two working days on is moved,
     * and the supervision is done; then the meeting is recorded.
     */
    private int escalate(Visit v, JsonNode task) {
        switch (v.escalation) {
            case 0 -> {
                Map<String, Object> update = new LinkedHashMap<>();
                for (String field : List.of("name", "description", "priority", "assignee", "owner", "followUp", "tenantId")) {
                    update.put(field, plain(task.get(field)));
                }
                update.put("due", ZonedDateTime.now().minusSeconds(1).format(REST_DATE));
                expect(cluster.put("/engine-rest/task/" + task.get("id").asText(), admin, update), 204,
                        "making " + OVERDUE_STEP + " of " + v.label + " due");
                v.escalation = 1;
                return 1;
            }
            case 1 -> {
                if (v.watchId == null) {
                    List<JsonNode> watches = list(cluster.get("/engine-rest/process-instance?processDefinitionKey="
                            + "overdue-escalation&businessKey=" + task.get("id").asText() + "&maxResults=10", admin),
                            "watch of " + v.label);
                    if (watches.size() > 1) {
                        throw new IllegalStateException(v.label + ": " + watches.size() + " watches over " + OVERDUE_STEP);
                    }
                    if (watches.isEmpty()) {
                        // not swept yet: bring the sweep forward (it may be running or just have run: then next visit)
                        moveSweep();
                        return 0;
                    }
                    v.watchId = watches.get(0).get("id").asText();
                }
                // the level-2 timer exists once the level-1 notice has been sent
                if (moveTimer(v.watchId, "timerEvent_twoWorkingDaysOverdue")) {
                    v.escalation = 2;
                    return 1;
                }
                return 0;
            }
            default -> {
                // the branch's one 督办, which the level-2 job opened
                List<JsonNode> supervision = list(cluster.get("/engine-rest/task?processDefinitionKey=branch-supervision"
                        + "&processInstanceBusinessKey=" + CrashRoster.code(v.branch)
                        + "&taskDefinitionKey=superviseOverdueStep&maxResults=10", admin), "supervision of " + v.label);
                if (supervision.size() > 1) {
                    throw new IllegalStateException(v.label + ": " + supervision.size() + " open 督办 of one branch");
                }
                if (supervision.isEmpty()) {
                    return 0;
                }
                int done = complete(v, supervision.get(0).get("id").asText(), "superviseOverdueStep");
                if (done > 0) {
                    v.escalation = 3;
                }
                return done;
            }
        }
    }

    /** Moves the overdue sweep's next run to now; a sweep that is running or has just run is left alone. */
    private void moveSweep() {
        List<JsonNode> jobs = list(cluster.get("/engine-rest/job?processDefinitionKey=overdue-sweep&timers=true"
                + "&maxResults=10", admin), "the overdue sweep's timer");
        for (JsonNode job : jobs) {
            Reply moved = cluster.put("/engine-rest/job/" + job.get("id").asText() + "/duedate", admin,
                    Map.of("duedate", ZonedDateTime.now().minusSeconds(1).format(REST_DATE)));
            if (moved.status() == 204) {
                timersMoved.incrementAndGet();
            }
        }
    }

    /** Fills and submits one task's form as the person who holds it; 1 when it is done, 0 when it must be tried again. */
    private int complete(Visit v, String taskId, String key) {
        Login who = performer(key, v);
        Reply variables = cluster.get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", who);
        if (gone(variables)) {
            return settled(v, taskId, key, variables) ? 1 : 0;
        }
        expect(variables, 200, "form of " + key + " for " + v.label);
        Map<String, Object> prefilled = new LinkedHashMap<>();
        variables.json().fields().forEachRemaining(e -> prefilled.put(e.getKey(), plain(e.getValue().get("value"))));
        Map<String, Object> values = CycleForms.values(key, prefilled, year);
        if (values == null) {
            throw new IllegalStateException("no form values for " + key);
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> typed.put(name, typed(value)));
        Reply reply = cluster.post("/engine-rest/task/" + taskId + "/submit-form", who, Map.of("variables", typed));
        if (reply.status() == 204) {
            submissions.incrementAndGet();
            submittedPerNode.computeIfAbsent(reply.node().name(), n -> new AtomicLong()).incrementAndGet();
            passed.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(v.label);
            return 1;
        }
        if (reply.status() == 404 || reply.status() == 409) {
            return settled(v, taskId, key, reply) ? 1 : 0;
        }
        throw new IllegalStateException(key + " refused with " + reply.status() + " by " + reply.node().name() + ": "
                + reply.body());
    }

    /** The task was not found: 404, or the 400 the form read answers for an id it cannot find. */
    private static boolean gone(Reply reply) {
        return reply.status() == 404 || reply.status() == 400 && reply.body().contains("Cannot find task");
    }

    /**
     * A task that was not there (404) or was busy (409). Done, if the history says it was completed and
     * an attempt of ours went unanswered (that attempt did it); to be tried again if it is still open.
     */
    private boolean settled(Visit v, String taskId, String key, Reply reply) {
        Reply history = cluster.get("/engine-rest/history/task?taskId=" + taskId + "&maxResults=1", admin);
        List<JsonNode> found = list(history, "history of task " + taskId);
        JsonNode task = found.isEmpty() ? null : found.get(0);
        boolean completed = task != null && !task.path("endTime").isNull() && "completed".equals(
                task.path("deleteReason").asText());
        if (completed && reply.repeated()) {
            settledByLostAttempt.incrementAndGet();
            passed.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(v.label);
            return true;
        }
        if (completed) {
            throw new IllegalStateException(key + " of " + v.label + " was completed by someone else (" + reply.status()
                    + "): " + reply.body());
        }
        if (task != null && task.path("endTime").isNull()) {
            conflicts.incrementAndGet();
            return false;
        }
        throw new IllegalStateException(key + " of " + v.label + " is gone but was not completed (" + reply.status()
                + "): " + (task == null ? "no history" : task.toString()));
    }

    /** Moves the instance's timer at {@code activityId} to now; false when there is no such timer. */
    private boolean moveTimer(String processInstanceId, String activityId) {
        List<JsonNode> jobs = list(cluster.get("/engine-rest/job?processInstanceId=" + processInstanceId + "&activityId="
                + activityId + "&maxResults=10", admin), "timer " + activityId);
        if (jobs.isEmpty()) {
            return false;
        }
        String due = ZonedDateTime.now().minusSeconds(1).format(REST_DATE);
        String jobId = jobs.get(0).get("id").asText();
        Reply moved = cluster.put("/engine-rest/job/" + jobId + "/duedate", admin, Map.of("duedate", due));
        if (moved.repeated() && moved.status() != 204
                && list(cluster.get("/engine-rest/job?jobId=" + jobId, admin), "timer " + jobId).isEmpty()) {
            // the unanswered attempt moved it and a job executor has fired it since: the engine answers the
            // second attempt for a job no longer there with 500 ("No job found"), not 404
            timersMoved.incrementAndGet();
            return true;
        }
        expect(moved, 204, "moving " + activityId);
        timersMoved.incrementAndGet();
        return true;
    }

    /** Who works a step: the township's office or supervisors (of the visit's township), the liaison cadre, the secretary. */
    private Login performer(String key, Visit v) {
        return switch (key) {
            case "reviewWorkPlan", "reviewFiling", "approveExcellentException", "approveTownshipSummary" ->
                    new Login(CrashRoster.office(v.township), password);
            case "conductSpotCheck", "superviseOverdueStep" -> new Login(CrashRoster.supervisor(v.township), password);
            case "attendAndComment" -> new Login(CrashRoster.liaison(v.branch), password);
            default -> new Login(CrashRoster.secretary(v.branch), password);
        };
    }

    /** A REST variable's value as a plain Java value; Json variables (deserializeValues=false) stay JSON text. */
    private static Object plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.toString();
    }

    /** Camunda's typed variable: {@code {"value": …, "type": …}}; lists and maps as Json, as Tasklist sends them. */
    private static Map<String, Object> typed(Object value) {
        Map<String, Object> typed = new LinkedHashMap<>();
        if (value == null) {
            typed.put("value", null);
            typed.put("type", "Null");
        } else if (value instanceof List<?> || value instanceof Map<?, ?>) {
            try {
                typed.put("value", Cluster.JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            typed.put("type", "Json");
        } else {
            typed.put("value", value);
            typed.put("type", value.getClass().getSimpleName());
        }
        return typed;
    }

    private static List<JsonNode> list(Reply reply, String what) {
        expect(reply, 200, what);
        List<JsonNode> items = new ArrayList<>();
        reply.json().forEach(items::add);
        return items;
    }

    private static void expect(Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + ": " + reply.status() + " from " + reply.node().name() + ": "
                    + reply.body());
        }
    }
}
