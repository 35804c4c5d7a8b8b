package org.orglife.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The anchor, measured here beside the benchmark ({@code --bench.baseline=true}): the bare
 * engine, history level FULL, a process of {@value #USER_TASKS} plain user tasks in a row and nothing
 * else, on its own database of the same server ({@code orglife_bench_bare} beside {@code orglife_bench},
 * or an in-memory H2), with the same client threads, pool size and id generator as the application.
 * Each client takes an instance and works its tasks one by one as our bench works a cycle: find the
 * open task, complete it ({@code plain}); or ({@code --bench.baseline-calls=same}) make the calls our
 * driver makes, with authorization on as ours is: find the open task, read its form variables, and
 * submit its form as a member of its candidate group (which the engine grants the task to, TASK_WORK as
 * ours). Prints one line, {@code BASELINE {...}}, with the same measures as the benchmark's, so that a
 * cycle of ours is compared with a bare one on the same machine at the same time.
 */
@Component
@Profile("bench")
class Baseline {

    static final int USER_TASKS = 13;
    static final String PROCESS = "bare-user-tasks";
    static final String CANDIDATES = "bare-candidates";

    private final StatementCounter counter;

    Baseline(StatementCounter counter) {
        this.counter = counter;
    }

    Map<String, Object> run(BenchSettings s, PrintStream out) throws Exception {
        boolean same = "same".equals(s.baselineCalls());
        // the engine as shipped: its queries read their flags through OGNL's own accessor, not OrgLife's
        // (QueryFlagReads, installed when the application's engine started in this JVM)
        OgnlRuntime.setPropertyAccessor(AbstractQuery.class, new ObjectPropertyAccessor());
        OgnlRuntime.setPropertyAccessor(TaskQueryImpl.class, new ObjectPropertyAccessor());
        try (Bare bare = open(s, same)) {
            return measure(bare.engine(), bare.pool(), s, "postgres".equals(s.db()), same, out);
        }
    }

    /** The bare engine on its own database, its process deployed; closed with its pool. */
    record Bare(ProcessEngine engine, HikariDataSource pool) implements AutoCloseable {

        /** An instance of the bare process, started. */
        String start() {
            return engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
        }

        /** Works the instance's open task with the same calls as OrgLife's driver; false when none is open. */
        boolean workNext(String instance) {
            Task task = open(engine.getTaskService(), instance);
            if (task == null) {
                return false;
            }
            submitAsCandidate(engine, task);
            return true;
        }

        @Override
        public void close() {
            engine.close();
            pool.close();
        }
    }

    /** A fresh database beside the application's ({@code orglife_bench_bare}, or in-memory H2) and the bare engine on it. */
    Bare open(BenchSettings s, boolean authorization) throws Exception {
        boolean postgres = "postgres".equals(s.db());
        String url = postgres ? BenchLauncher.env("SPRING_DATASOURCE_URL", BenchLauncher.DEFAULT_POSTGRES_URL) + "_bare"
                : "jdbc:h2:mem:orglife-bench-bare;DB_CLOSE_DELAY=-1";
        String user = postgres ? BenchLauncher.env("SPRING_DATASOURCE_USERNAME", "postgres") : "sa";
        String password = postgres ? BenchLauncher.env("SPRING_DATASOURCE_PASSWORD", "") : "";
        if (postgres) {
            BenchLauncher.recreateDatabase(url, user, password);
        }
        HikariDataSource pool = DataSourceBuilder.create().type(HikariDataSource.class).url(url).username(user)
                .password(password).build();
        pool.setMaximumPoolSize(20);
        pool.setPoolName("baseline");
        ProcessEngine engine = engine(counter.counting(pool), authorization);
        engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model(authorization))
                .deploy();
        return new Bare(engine, pool);
    }

    private static ProcessEngine engine(DataSource dataSource, boolean authorization) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("baseline");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(false);
        if (authorization) {
            // as the application is configured (application.yaml)
            configuration.setAuthorizationEnabled(true);
            configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
            configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
        }
        return configuration.buildProcessEngine();
    }

    static BpmnModelInstance model(boolean candidates) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(180)
                .startEvent();
        for (int i = 1; i <= USER_TASKS; i++) {
            flow = candidates ? flow.userTask("task" + i).camundaCandidateGroups(CANDIDATES) : flow.userTask("task" + i);
        }
        return flow.endEvent().done();
    }

    private Map<String, Object> measure(ProcessEngine engine, DataSource pool, BenchSettings s, boolean postgres,
            boolean same, PrintStream out) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        long historyBefore = postgres ? Benchmark.historyBytes(jdbc) : -1;
        Queue<String> instances = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < s.driven(); i++) {
            instances.add(engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId());
        }

        TaskService tasks = engine.getTaskService();
        AtomicLong completions = new AtomicLong();
        StatementCounter.Snapshot sqlBefore = counter.snapshot();
        counter.resetKinds();
        CpuUse cpu = CpuUse.start();
        // its tables analyzed while they fill, as OrgLife's are in the benchmark: the same cost on both sides
        ScheduledExecutorService analyzer = postgres ? Benchmark.freshStatistics(jdbc) : null;
        long t = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(s.threads());
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < s.threads(); i++) {
            running.add(clients.submit(() -> {
                for (String instance = instances.poll(); instance != null; instance = instances.poll()) {
                    for (Task task = open(tasks, instance); task != null; task = open(tasks, instance)) {
                        if (same) {
                            submitAsCandidate(engine, task);
                        } else {
                            tasks.complete(task.getId());
                        }
                        completions.incrementAndGet();
                    }
                }
            }));
        }
        try {
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdown();
            if (analyzer != null) {
                analyzer.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        Map<String, Object> cpuPerCompletion = cpu.perCompletion(completions.get());
        StatementCounter.Snapshot sql = counter.snapshot().minus(sqlBefore);

        long done = completions.get();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("db", s.db());
        line.put("instances", s.driven());
        line.put("user_tasks", USER_TASKS);
        line.put("threads", s.threads());
        line.put("history", ProcessEngineConfiguration.HISTORY_FULL);
        line.put("calls", same ? "same" : "plain");
        line.put("authorization", same);
        line.put("completions", done);
        line.put("seconds", Benchmark.round(seconds, 1));
        line.put("cycles_per_s", Benchmark.round(s.driven() / seconds, 2));
        line.put("task_completions_per_s", Benchmark.round(done / seconds, 1));
        line.put("statements_per_completion", Benchmark.round((double) sql.statements() / done, 1));
        line.put("commits_per_completion", Benchmark.round((double) sql.commits() / done, 2));
        line.putAll(cpuPerCompletion);
        Map<String, Double> perCompletion = new LinkedHashMap<>();
        counter.topKinds(counter.trace ? 150 : 25)
                .forEach((kind, n) -> perCompletion.put(kind, Benchmark.round((double) n / done, 2)));
        line.put("statements_per_completion_by_kind", perCompletion);
        if (postgres) {
            line.put("history_bytes_per_cycle", (Benchmark.historyBytes(jdbc) - historyBefore) / s.driven());
            Benchmark.compactHistory(jdbc);
            line.put("history_bytes_per_cycle_compacted", (Benchmark.historyBytes(jdbc) - historyBefore) / s.driven());
        }
        out.println("BASELINE " + new ObjectMapper().writeValueAsString(line));
        out.flush();
        return line;
    }

    /** As our driver: the form's variables read, the form submitted by a member of the task's candidate group. */
    private static void submitAsCandidate(ProcessEngine engine, Task task) {
        engine.getFormService().getTaskFormVariables(task.getId());
        engine.getIdentityService().setAuthentication("bare-user", List.of(CANDIDATES));
        try {
            engine.getFormService().submitTaskForm(task.getId(), Map.of());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static Task open(TaskService tasks, String instance) {
        return tasks.createTaskQuery().processInstanceId(instance).singleResult();
    }
}
